import type { SourceSection } from '../chunking';

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/**
 * Splits Markdown (or plain text, which has no headings) into sections under their nearest
 * heading, so every chunk can be cited as "Document › Heading".
 */
export function markdownSections(markdown: string): SourceSection[] {
  const sections: SourceSection[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) sections.push({ text, heading, page: null });
    lines = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const match = HEADING.exec(line);
    if (match) {
      flush();
      heading = match[2]!.trim();
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}
