/**
 * Passage text as prose: PDF line breaks joined (and words hyphenated across lines rejoined),
 * paragraph breaks kept.
 */
export function unwrapLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Splits prose into sentences: after . ! ? (or a closing quote) before a capital, a digit, a
 * bracket or a tag, after a closing tag, and at paragraphs. Brackets and tags count as starts
 * so a planted "[SYSTEM] …" or "</context>…" is a sentence of its own that can be dropped.
 */
export function splitSentences(text: string): string[] {
  return unwrapLines(text)
    .split(/\n\n/)
    .flatMap((paragraph) =>
      paragraph.split(/(?<=[.!?…]["'”’)]?|>)\s+(?=["'“‘(]?[\p{Lu}\p{N}]|[[<])/u),
    )
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}
