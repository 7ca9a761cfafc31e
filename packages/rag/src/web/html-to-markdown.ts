import { parseHTML } from 'linkedom';

/** Elements whose text is never knowledge: scripts, styles, navigation chrome, forms. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'NAV',
  'FORM',
  'BUTTON',
  'SELECT',
]);
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'FIGURE',
  'FIGCAPTION',
  'BR',
  'HR',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * HTML as Markdown-ish text: headings become `#` lines (so chunks are cited under their
 * heading), list items `- ` lines, every block its own paragraph, inline markup flattened.
 */
export function htmlToMarkdown(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToMarkdown(document.body as unknown as DomNode);
}

export function nodeToMarkdown(root: DomNode): string {
  const out: string[] = [];
  walk(root, out);
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(node: DomNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return;
  const heading = /^H([1-6])$/.exec(name);
  if (heading) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push(`\n\n${'#'.repeat(Number(heading[1]))} ${text}\n\n`);
    return;
  }
  if (name === 'LI') out.push('\n- ');
  else if (BLOCKS.has(name)) out.push('\n\n');
  else if (name === 'TD' || name === 'TH') out.push(' | ');
  for (const child of Array.from(node.childNodes)) walk(child, out);
  if (BLOCKS.has(name)) out.push('\n\n');
}
