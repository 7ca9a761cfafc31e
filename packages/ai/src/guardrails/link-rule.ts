// The one rule for links in answers, used by the output guard (server) and by the widget's
// renderer (browser), so both see the same links and judge them the same way. No imports:
// the widget bundles this file as it is.

/** `[label](target)`; the target may hold one level of balanced parentheses. */
export const MARKDOWN_LINK = /\[([^\]]+)\]\(((?:[^()]|\([^()]*\))*)\)/;
/** `<https://…>` */
export const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/;
/** A bare URL; sentence punctuation after it is not part of it. */
export const BARE_URL = /(https?:\/\/[^\s<>"]*[^\s<>"'.,:;!?)\]])/;

/** Whitespace (Unicode's too), control and invisible format characters, backslashes. */
const NOT_IN_A_LINK = /[\s\p{Cc}\p{Cf}\\]/u;
/** Letters, digits and hyphens (IDNs arrive as xn--), or an IP literal. */
const PLAIN_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$|^\[[0-9a-f:.]+\]$/;

/**
 * The href for a link whose raw text is already a canonical absolute http(s) URL, else null
 * (the caller shows the label, or the text, only). "Canonical" is strict on purpose: the
 * WHATWG parser repairs `http:evil.example`, `https:\\evil.example`, `HTTP://`, leading or
 * trailing whitespace and tabs into a working link, so a sloppy spelling is a way past any
 * check that reads the raw text differently. Also refused: a user name or password
 * (`https://good.example@evil.example` reads as good.example) and a host with characters
 * no real host name has (`*`, `(`, `_`), which Markdown around the URL could cut apart.
 */
export function linkHref(raw: string): string | null {
  if (!raw.startsWith('https://') && !raw.startsWith('http://')) return null;
  if (NOT_IN_A_LINK.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password || !PLAIN_HOST.test(url.hostname)) return null;
  return url.href;
}

/** The URL part of a Markdown link target: `url`, or `url "title"` with the title dropped. */
export function linkDestination(target: string): string {
  return /^(\S+) "[^"]*"$/.exec(target)?.[1] ?? target;
}
