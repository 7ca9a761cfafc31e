/** The "/word" being typed just before the cursor, or null when the agent is not asking for one. */
export function slashQuery(text: string, cursor: number): { query: string; start: number } | null {
  const match = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(text.slice(0, cursor));
  if (!match) return null;
  return { query: match[2]!.toLowerCase(), start: cursor - match[2]!.length - 1 };
}

/** Replies whose shortcut starts with the query come first, then those that merely mention it. */
export function matchingReplies<T extends { shortcut: string; title: string }>(
  replies: T[],
  query: string,
): T[] {
  const starts = replies.filter((r) => r.shortcut.startsWith(query));
  const mentions = replies.filter(
    (r) => !starts.includes(r) && `${r.shortcut} ${r.title}`.toLowerCase().includes(query),
  );
  return [...starts, ...mentions];
}

/** The text with "/query" (from `start` to `cursor`) replaced by the reply, and where the cursor goes. */
export function insertReply(text: string, start: number, cursor: number, body: string) {
  const next = `${text.slice(0, start)}${body}${text.slice(cursor)}`;
  return { text: next, cursor: start + body.length };
}
