// Safe Markdown for model and agent text. It builds DOM nodes with createElement and text
// nodes only, never innerHTML, so "<script>" or "<img onerror>" in an answer is shown as
// the literal text it is. Links survive only with a canonical http(s) URL (link-rule.ts,
// shared with the server's guard); anything else shows its label only. Images are never loaded
// (a prompt-injected image URL is a classic way to leak the conversation), their alt text
// is shown instead.
//
// Supported: paragraphs, line breaks, **bold**, *italic*, `code`, fenced code blocks,
// bullet and numbered lists (nested by indentation), links, bare URLs, headings (as bold
// lines), rules, and `[n]` citation markers through `options.cite`.

// The link rule lives with the server's output guard, which must judge the same links.
import {
  AUTOLINK,
  BARE_URL,
  linkDestination,
  linkHref,
  MARKDOWN_LINK,
} from '@replyline/ai/link-rule';
import { h } from './dom';

export interface MarkdownOptions {
  /** Renders an inline `[n]` citation marker; without it the marker stays plain text. */
  cite?: (n: number) => Node;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const HEADING = /^ {0,3}#{1,6}\s+(.*?)[\s#]*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;

// One alternative per inline construct; the leftmost match wins, ties go to the earlier one.
const INLINE = new RegExp(
  [
    /\\([!-/:-@[-`{-~])/, // 1: backslash-escaped punctuation
    /(`+)([\s\S]*?[^`])\2(?!`)/, // 2, 3: code span
    /!\[([^\]]*)\]\([^)]*\)/, // 4: image, shown as its alt text
    MARKDOWN_LINK, // 5, 6: link (label, target)
    /\*\*(?=\S)([\s\S]*?\S)\*\*/, // 7: bold
    /__(?=\S)([\s\S]*?\S)__/, // 8: bold
    /\*(?=[^\s*])([\s\S]*?[^\s*])\*/, // 9: italic
    AUTOLINK, // 10: autolink
    BARE_URL, // 11: bare URL (no trailing punctuation)
    /\[(\d{1,3})\]/, // 12: citation marker
  ]
    .map((pattern) => pattern.source)
    .join('|'),
);

export function renderMarkdown(text: string, options: MarkdownOptions = {}): DocumentFragment {
  const out = document.createDocumentFragment();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) i = block(lines, i, out, options);
  return out;
}

/** Renders the block starting at line i; returns the index of the first line after it. */
function block(lines: string[], i: number, out: Node, options: MarkdownOptions): number {
  const line = lines[i]!;
  if (!line.trim()) return i + 1;
  const fence = FENCE.exec(line);
  if (fence) return codeBlock(lines, i, fence[1]!, out);
  if (RULE.test(line)) {
    out.appendChild(h('hr'));
    return i + 1;
  }
  if (ITEM.test(line)) return list(lines, i, out, options);
  const heading = HEADING.exec(line);
  if (heading) {
    const strong = h('strong');
    inline(heading[1]!, strong, options);
    out.appendChild(h('p', null, strong));
    return i + 1;
  }
  return paragraph(lines, i, out, options);
}

function startsBlock(line: string): boolean {
  return (
    !line.trim() || FENCE.test(line) || RULE.test(line) || ITEM.test(line) || HEADING.test(line)
  );
}

function paragraph(lines: string[], i: number, out: Node, options: MarkdownOptions): number {
  const text = [lines[i++]!.trim()];
  while (i < lines.length && !startsBlock(lines[i]!)) text.push(lines[i++]!.trim());
  const p = h('p');
  inline(text.join('\n'), p, options);
  out.appendChild(p);
  return i;
}

function codeBlock(lines: string[], i: number, fence: string, out: Node): number {
  // An unclosed fence runs to the end, which is also what a half-streamed block looks like.
  const close = new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}\\s*$`);
  const body: string[] = [];
  let j = i + 1;
  while (j < lines.length && !close.test(lines[j]!)) body.push(lines[j++]!);
  out.appendChild(h('pre', null, h('code', null, body.join('\n'))));
  return j + 1;
}

/** A list at the indentation of line i; deeper items nest into the previous item. */
function list(lines: string[], i: number, parent: Node, options: MarkdownOptions): number {
  const first = ITEM.exec(lines[i]!)!;
  const indent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const start = parseInt(first[2]!, 10);
  const element = h(ordered ? 'ol' : 'ul', ordered && start !== 1 ? { start } : null);
  let item: HTMLLIElement | null = null;
  let text: string[] = [];
  const flush = (): void => {
    if (item && text.length) inline(text.join('\n'), item, options);
    text = [];
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const match = ITEM.exec(line);
    if (!line.trim()) {
      // A blank line inside a list only when the list goes on right after it.
      const next = ITEM.exec(lines[i + 1] || '');
      if (next && next[1]!.length >= indent) {
        i++;
        continue;
      }
      break;
    }
    if (match) {
      const depth = match[1]!.length;
      if (depth < indent) break;
      if (depth > indent && item) {
        flush();
        i = list(lines, i, item, options);
        continue;
      }
      if (/\d/.test(match[2]!) !== ordered) break;
      flush();
      item = h('li');
      element.appendChild(item);
      text.push(match[3]!);
      i++;
      continue;
    }
    // Indented text continues the item; anything else ends the list.
    if (!/^\s/.test(line) || FENCE.test(line) || !item) break;
    text.push(line.trim());
    i++;
  }
  flush();
  parent.appendChild(element);
  return i;
}

/** Text with its line breaks kept as <br>. */
function textInto(parent: Node, text: string): void {
  const parts = text.split('\n');
  parts.forEach((part, index) => {
    if (index) parent.appendChild(h('br'));
    if (part) parent.appendChild(document.createTextNode(part));
  });
}

function link(href: string, label: string): HTMLAnchorElement {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, label);
}

function inline(text: string, parent: Node, options: MarkdownOptions): void {
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) break;
    textInto(parent, rest.slice(0, match.index));
    token(match, parent, options);
    rest = rest.slice(match.index + match[0].length);
  }
  textInto(parent, rest);
}

function token(m: RegExpExecArray, parent: Node, options: MarkdownOptions): void {
  if (m[1] !== undefined) return textInto(parent, m[1]);
  if (m[3] !== undefined) return void parent.appendChild(h('code', null, m[3]));
  if (m[4] !== undefined) return textInto(parent, m[4]);
  if (m[5] !== undefined) {
    const href = linkHref(linkDestination(m[6]!));
    return href ? void parent.appendChild(link(href, m[5])) : textInto(parent, m[5]);
  }
  const strong = m[7] ?? m[8];
  if (strong !== undefined || m[9] !== undefined) {
    const element = h(strong !== undefined ? 'strong' : 'em');
    inline(strong ?? m[9]!, element, options);
    return void parent.appendChild(element);
  }
  const url = m[10] ?? m[11];
  if (url !== undefined) {
    const href = linkHref(url);
    return href ? void parent.appendChild(link(href, url)) : textInto(parent, url);
  }
  const n = Number(m[12]);
  return options.cite ? void parent.appendChild(options.cite(n)) : textInto(parent, m[0]);
}
