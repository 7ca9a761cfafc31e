/** How a crawl decides which addresses belong to a site and which of them are wanted. */
export interface UrlRules {
  origin: string;
  include: string[];
  exclude: string[];
}

/**
 * An address as the crawl keys it: absolute, http(s) only, no fragment, no default port.
 * Null for anything else (mailto:, javascript:, garbage).
 */
export function normalizeUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.toString();
}

export function isSameSite(url: string, rules: Pick<UrlRules, 'origin'>): boolean {
  return new URL(url).origin === rules.origin;
}

/**
 * A glob over the address's path and query: `*` is any run of characters, everything else is
 * literal (`/blog/*`, `*.pdf`, `*?print=*`). The whole path must match.
 */
export function globMatches(pattern: string, url: string): boolean {
  const { pathname, search } = new URL(url);
  const escaped = pattern
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`).test(`${pathname}${search}`);
}

/** Same site, not excluded, and included when include patterns are given. */
export function isWanted(url: string, rules: UrlRules): boolean {
  if (!isSameSite(url, rules)) return false;
  if (rules.exclude.some((p) => globMatches(p, url))) return false;
  return rules.include.length === 0 || rules.include.some((p) => globMatches(p, url));
}
