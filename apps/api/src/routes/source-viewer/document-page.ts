// A cited document (Word, HTML, Markdown or text file) as a readable page: its text with the
// headings kept and everything else reduced to plain text — no markup, scripts, links or images
// of the original reach the page —, the passage the answer quoted marked and given the id the
// link's fragment scrolls to. Built on the server, so the page needs no script at all.

export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'item'; text: string }
  | { type: 'paragraph'; text: string };

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;

/**
 * The document's lines as headings, list items and paragraphs (lines of one paragraph joined).
 * Markdown-ish input, as `documentText` gives it; plain text has no headings, so it becomes
 * paragraphs split at blank lines.
 */
export function readableBlocks(markdown: string, kind: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let inItem = false;
  const flush = () => {
    const text = plainText(lines.join(' '), kind);
    if (text) blocks.push({ type: inItem ? 'item' : 'paragraph', text });
    lines = [];
    inItem = false;
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = kind === 'text' ? null : HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    // An indented line right after a list item continues it.
    const continuesItem = inItem && /^\s/.test(line) && line.trim() !== '';
    if (heading || item || !line.trim() || FENCE.test(line)) flush();
    if (heading) {
      const text = plainText(heading[2]!, kind);
      if (text) blocks.push({ type: 'heading', level: heading[1]!.length, text });
    } else if (item) {
      inItem = true;
      lines.push(item[1]!);
    } else if (line.trim() && !FENCE.test(line)) {
      if (!continuesItem && inItem) flush();
      lines.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/**
 * A line's words without their markup. Plain text stays as written (it is escaped when shown);
 * in the other kinds HTML elements are dropped (scripts and styles with their content), a link
 * or image keeps only its text, and emphasis and code marks go.
 */
export function plainText(text: string, kind: string): string {
  let plain = text;
  if (kind !== 'text') {
    plain = plain
      .replace(/<(script|style|template|iframe|object)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
      .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
      .replace(/<\/?[a-z][^>]*>?/gi, ' ')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[\s(])[*_](?=\S)([^*_]*?\S)[*_](?=$|[\s).,;:!?])/g, '$1$2')
      .replace(/`+([^`]*)`+/g, '$1')
      .replace(/^\s*>\s?/, '');
  }
  return plain.replace(/\s+/g, ' ').trim();
}

/** Where the quote sits in a block: start and end in the block's text. */
export interface QuoteMark {
  block: number;
  start: number;
  end: number;
}

/** Fewer quoted words in a row than this are not worth marking ("of the"). */
const MIN_MARKED_WORDS = 3;

/**
 * The quote's place in the blocks: the whole quote when it is there (case and spacing aside),
 * else the longest run of its words in a row found in one block — a sentence the document
 * splits (a list, a line of markup) is still marked where most of it stands. Null when no
 * run of three words is found.
 */
export function findQuote(blocks: Block[], quote: string, kind: string): QuoteMark | null {
  const words = plainText(quote, kind).toLowerCase().split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const texts = blocks.map((b) => comparable(b.text));
  const find = (length: number): QuoteMark | null => {
    for (let first = 0; first + length <= words.length; first++) {
      const phrase = words.slice(first, first + length).join(' ');
      for (let block = 0; block < texts.length; block++) {
        const start = texts[block]!.indexOf(phrase);
        if (start >= 0) return { block, start, end: start + phrase.length };
      }
    }
    return null;
  };
  const whole = find(words.length);
  if (whole || words.length <= MIN_MARKED_WORDS) return whole;
  // A run of n words found means every shorter run inside it is found too: search the length.
  let found: QuoteMark | null = null;
  let low = MIN_MARKED_WORDS;
  let high = words.length - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const mark = find(middle);
    if (mark) {
      found = mark;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Lower case where that keeps every position (a few letters grow when lowered). */
function comparable(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

/** The blocks as HTML: every text escaped, the quote in `<mark id=…>`. */
export function blocksHtml(blocks: Block[], mark: QuoteMark | null, markId: string): string {
  let html = '';
  let inList = false;
  blocks.forEach((block, index) => {
    const text =
      mark && mark.block === index
        ? `${escapeHtml(block.text.slice(0, mark.start))}<mark id="${markId}">${escapeHtml(
            block.text.slice(mark.start, mark.end),
          )}</mark>${escapeHtml(block.text.slice(mark.end))}`
        : escapeHtml(block.text);
    if (block.type === 'item' && !inList) html += '<ul>';
    if (block.type !== 'item' && inList) html += '</ul>';
    inList = block.type === 'item';
    // The page's own title is the h1; the document's headings start below it.
    if (block.type === 'heading') {
      const level = Math.min(6, block.level + 1);
      html += `<h${level}>${text}</h${level}>`;
    } else if (block.type === 'item') html += `<li>${text}</li>`;
    else html += `<p>${text}</p>`;
  });
  return inList ? `${html}</ul>` : html;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
