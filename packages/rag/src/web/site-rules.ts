import robotsParser from 'robots-parser';
import type { PageFetch } from './polite-fetcher';
import { normalizeUrl } from './url-rules';

export interface SiteRules {
  isAllowed(url: string): boolean;
  /** Seconds the site asks between requests (robots.txt `Crawl-delay`), if any. */
  crawlDelaySeconds: number | null;
  sitemaps: string[];
}

const ALLOW_ALL: SiteRules = { isAllowed: () => true, crawlDelaySeconds: null, sitemaps: [] };

/**
 * The site's robots.txt for our user agent (RFC 9309): a missing file (4xx) allows all; a
 * file that cannot be read (5xx, network) is treated as "disallow all" for this crawl.
 */
export async function readSiteRules(
  fetchPage: PageFetch,
  origin: string,
  userAgent: string,
): Promise<SiteRules | { unreachable: string }> {
  const robotsUrl = `${origin}/robots.txt`;
  let response;
  try {
    response = await fetchPage(robotsUrl);
  } catch (error) {
    return { unreachable: `The site could not be reached: ${reason(error)}` };
  }
  if (response.status >= 400 && response.status < 500) return ALLOW_ALL;
  if (!response.ok)
    return {
      unreachable: `robots.txt answered ${response.status}; the site asks not to be crawled now.`,
    };
  const robots = robotsParser(robotsUrl, Buffer.from(response.body).toString('utf8'));
  return {
    isAllowed: (url) => robots.isAllowed(url, userAgent) !== false,
    crawlDelaySeconds: robots.getCrawlDelay(userAgent) ?? null,
    sitemaps: robots.getSitemaps(),
  };
}

const MAX_SITEMAPS = 20;

/**
 * Page addresses listed in sitemaps, following sitemap indexes (up to MAX_SITEMAPS files).
 * A sitemap that cannot be read is skipped: the crawl still has the links of the pages.
 */
export async function readSitemaps(fetchPage: PageFetch, sitemapUrls: string[]): Promise<string[]> {
  const pending = [...sitemapUrls];
  const seen = new Set<string>();
  const pages: string[] = [];
  while (pending.length > 0 && seen.size < MAX_SITEMAPS) {
    const url = pending.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const xml = await fetchPage(url)
      .then((r) => (r.ok ? Buffer.from(r.body).toString('utf8') : ''))
      .catch(() => '');
    const locations = [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/gi)]
      .map((m) => normalizeUrl(decodeXml(m[1]!)))
      .filter((u): u is string => u !== null);
    if (/<sitemapindex[\s>]/i.test(xml)) pending.push(...locations);
    else pages.push(...locations);
  }
  return pages;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
