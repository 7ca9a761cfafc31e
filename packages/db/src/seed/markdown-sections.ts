/** A passage of a Markdown document with the heading it sits under, for citations. */
export interface MarkdownSection {
  heading: string | null;
  content: string;
}

/**
 * Splits Markdown at `##` headings. Enough for short, hand-written documents such as the demo
 * policy; uploaded knowledge goes through the ingestion pipeline's recursive splitter instead.
 */
export function splitMarkdownSections(markdown: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    const content = lines.join('\n').trim();
    if (content) sections.push({ heading, content });
    lines = [];
  };
  for (const line of markdown.split('\n')) {
    const match = /^##\s+(.+)$/.exec(line);
    if (match) {
      flush();
      heading = match[1]!.trim();
    } else if (!/^#\s/.test(line)) {
      lines.push(line);
    }
  }
  flush();
  return sections;
}
