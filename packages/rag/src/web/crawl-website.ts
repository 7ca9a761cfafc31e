import { schema, withTenant, type TenantId } from '@replyline/db';
import { and, eq } from 'drizzle-orm';
import type { KnowledgeDeps } from '../ingest/deps';
import { processDocument } from '../ingest/process-document';
import {
  readPages,
  removePageDocuments,
  savePage,
  storePageDocument,
  type PageRecord,
  type StoredPage,
} from './page-store';
import { DEFAULT_CRAWL_FETCH, politeFetcher, type CrawlFetchOptions } from './polite-fetcher';
import { readSiteRules, readSitemaps } from './site-rules';
import { isWanted, type UrlRules } from './url-rules';
import { visitPage, type PageVisit } from './visit-page';
import { nextCrawlAt } from './schedule';

const { websiteSources } = schema;

/** The longest pause between requests a site's `Crawl-delay` can ask of us. */
const MAX_CRAWL_DELAY_MS = 30_000;

export interface CrawlDeps extends KnowledgeDeps {
  fetch?: Partial<CrawlFetchOptions>;
}

export interface CrawlSummary {
  status: 'ready' | 'failed' | 'gone';
  pagesDone: number;
  pagesChanged: number;
  pagesFailed: number;
  /** Pages whose documents left the index in this crawl (removed, noindex, disallowed). */
  pagesRemoved: number;
}

type Source = typeof websiteSources.$inferSelect;

/**
 * Crawls one website source: robots.txt first, then the start page, sitemap pages and same-site
 * links breadth-first within the page and depth limits. Only changed pages are processed
 * again; pages no longer reachable, disallowed or marked noindex leave the index. A page's
 * problem is recorded on the page; only an unreadable robots.txt fails the whole crawl.
 */
export async function crawlWebsite(
  deps: CrawlDeps,
  tenantId: TenantId,
  sourceId: string,
): Promise<CrawlSummary> {
  const started = await startCrawl(deps, tenantId, sourceId);
  const summary: CrawlSummary = {
    status: 'ready',
    pagesDone: 0,
    pagesChanged: 0,
    pagesFailed: 0,
    pagesRemoved: 0,
  };
  if (!started) return { ...summary, status: 'gone' };
  try {
    return await crawlPages(deps, tenantId, started, summary);
  } catch (error) {
    // Not a page's problem (those are recorded on the page): the database or the process.
    // The source says so instead of showing "crawling" forever; the queue tries once more.
    const reason = 'The crawl stopped unexpectedly; it is tried again, or re-crawl it later.';
    await finishCrawl(deps, tenantId, started.source, { ...summary, status: 'failed' }, reason);
    throw error;
  }
}

async function crawlPages(
  deps: CrawlDeps,
  tenantId: TenantId,
  { source, pages }: { source: Source; pages: Map<string, StoredPage> },
  summary: CrawlSummary,
): Promise<CrawlSummary> {
  const options = { ...DEFAULT_CRAWL_FETCH, ...deps.fetch };
  const fetchPage = politeFetcher(options);
  const rules: UrlRules = {
    origin: new URL(source.startUrl).origin,
    include: source.includePatterns,
    exclude: source.excludePatterns,
  };
  const site = await readSiteRules(fetchPage, rules.origin, options.userAgent);
  if ('unreachable' in site)
    return finishCrawl(deps, tenantId, source, { ...summary, status: 'failed' }, site.unreachable);
  if (site.crawlDelaySeconds)
    options.delayMs = Math.max(
      options.delayMs,
      Math.min(site.crawlDelaySeconds * 1000, MAX_CRAWL_DELAY_MS),
    );

  const frontier: { url: string; depth: number }[] = [{ url: source.startUrl, depth: 0 }];
  const sitemapUrls = source.sitemapUrl ? [source.sitemapUrl] : site.sitemaps;
  for (const url of await readSitemaps(fetchPage, sitemapUrls)) frontier.push({ url, depth: 1 });
  const seen = new Set<string>();
  const keep = new Set<string>();
  const leaving: string[] = [];

  while (frontier.length > 0 && summary.pagesDone < source.maxPages) {
    const { url, depth } = frontier.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const isStart = url === source.startUrl;
    if (!isStart && !isWanted(url, rules)) continue;
    if (!site.isAllowed(url)) {
      await savePage(
        deps,
        tenantId,
        source.id,
        skipped(url, depth, 'robots.txt asks not to crawl this page.'),
      );
      leaving.push(url);
      continue;
    }
    const visit = await visitPage(fetchPage, url, pages.get(url));
    summary.pagesDone += 1;
    const outcome = await recordVisit(deps, tenantId, source, {
      url,
      depth,
      visit,
      previous: pages.get(url),
    });
    if (outcome.kept) keep.add(url);
    else leaving.push(url);
    if (outcome.changed) summary.pagesChanged += 1;
    if (outcome.failed) summary.pagesFailed += 1;
    for (const next of outcome.next) {
      if (next.depth <= source.maxDepth && !seen.has(next.url) && isWanted(next.url, rules))
        frontier.push(next);
    }
    await reportProgress(deps, tenantId, source.id, summary, seen.size + frontier.length);
  }

  // Pages of the last crawl that this one did not reach are gone from the site.
  const unreached = [...pages.keys()].filter((url) => !seen.has(url));
  await removePageDocuments(deps, tenantId, source.id, unreached, { forgetPages: true });
  await removePageDocuments(deps, tenantId, source.id, leaving, { forgetPages: false });
  summary.pagesRemoved =
    unreached.length + leaving.filter((url) => pages.get(url)?.documentId).length;
  return finishCrawl(deps, tenantId, source, summary, null);
}

interface VisitOutcome {
  kept: boolean;
  changed: boolean;
  failed: boolean;
  next: { url: string; depth: number }[];
}

async function recordVisit(
  deps: CrawlDeps,
  tenantId: TenantId,
  source: Source,
  page: { url: string; depth: number; visit: PageVisit; previous: StoredPage | undefined },
): Promise<VisitOutcome> {
  const { url, depth, visit, previous } = page;
  const links = 'links' in visit ? visit.links : [];
  const next = links.map((link) => ({ url: link, depth: depth + 1 }));
  const base = {
    url,
    depth,
    links,
    documentId: previous?.documentId ?? null,
    title: previous?.title ?? null,
  };
  switch (visit.kind) {
    case 'unchanged':
      await savePage(deps, tenantId, source.id, {
        ...base,
        status: 'indexed',
        error: null,
        httpStatus: 200,
        etag: visit.etag,
        lastModified: visit.lastModified,
        contentHash: previous?.contentHash,
      });
      return { kept: true, changed: false, failed: false, next };
    case 'content': {
      const documentId = await storePageDocument(deps, tenantId, {
        sourceId: source.id,
        url,
        title: visit.title,
        text: visit.text,
        documentId: base.documentId,
      });
      const processed = await processDocument(deps, tenantId, documentId, {
        lastAttempt: true,
      }).catch(() => 'failed' as const);
      await savePage(deps, tenantId, source.id, {
        ...base,
        documentId,
        title: visit.title,
        status: processed === 'ready' ? 'indexed' : 'failed',
        error: processed === 'ready' ? null : 'The page text could not be processed.',
        httpStatus: 200,
        etag: visit.etag,
        lastModified: visit.lastModified,
        contentHash: visit.hash,
      });
      return { kept: true, changed: true, failed: processed !== 'ready', next };
    }
    case 'redirect': {
      const error = visit.target
        ? `Redirects to ${visit.target}.`
        : 'Redirects without saying where.';
      await savePage(deps, tenantId, source.id, {
        ...skipped(url, depth, error),
        httpStatus: visit.httpStatus,
      });
      // The target is crawled at the same depth, like the page it replaces; a loop ends at a page already seen.
      return {
        kept: false,
        changed: false,
        failed: false,
        next: visit.target ? [{ url: visit.target, depth }] : [],
      };
    }
    case 'gone':
      await savePage(deps, tenantId, source.id, {
        ...base,
        status: visit.httpStatus && visit.httpStatus >= 400 ? 'failed' : 'skipped',
        error: visit.reason,
        httpStatus: visit.httpStatus,
        etag: null,
        lastModified: null,
        contentHash: null,
      });
      return { kept: false, changed: false, failed: (visit.httpStatus ?? 0) >= 400, next };
    case 'error':
      await savePage(deps, tenantId, source.id, {
        ...base,
        status: 'failed',
        error: visit.reason,
        httpStatus: visit.httpStatus,
        etag: previous?.etag ?? null,
        lastModified: previous?.lastModified ?? null,
        contentHash: previous?.contentHash ?? null,
      });
      return {
        kept: true,
        changed: false,
        failed: true,
        next: previous?.links.map((link) => ({ url: link, depth: depth + 1 })) ?? [],
      };
  }
}

function skipped(url: string, depth: number, error: string): PageRecord {
  return {
    url,
    depth,
    status: 'skipped',
    error,
    links: [],
    documentId: null,
    etag: null,
    lastModified: null,
    contentHash: null,
    httpStatus: null,
  };
}

async function startCrawl(deps: CrawlDeps, tenantId: TenantId, sourceId: string) {
  return withTenant(deps.db, tenantId, async (tx) => {
    const [source] = await tx
      .update(websiteSources)
      .set({ status: 'crawling', error: null, pagesDone: 0, pagesChanged: 0, pagesFailed: 0 })
      .where(and(eq(websiteSources.tenantId, tenantId), eq(websiteSources.id, sourceId)))
      .returning();
    if (!source) return null;
    return { source, pages: await readPages(tx, tenantId, sourceId) };
  });
}

function reportProgress(
  deps: CrawlDeps,
  tenantId: TenantId,
  sourceId: string,
  summary: CrawlSummary,
  pagesFound: number,
) {
  return withTenant(deps.db, tenantId, (tx) =>
    tx
      .update(websiteSources)
      .set({
        pagesFound,
        pagesDone: summary.pagesDone,
        pagesChanged: summary.pagesChanged,
        pagesFailed: summary.pagesFailed,
      })
      .where(and(eq(websiteSources.tenantId, tenantId), eq(websiteSources.id, sourceId))),
  );
}

async function finishCrawl(
  deps: CrawlDeps,
  tenantId: TenantId,
  source: Source,
  summary: CrawlSummary,
  error: string | null,
): Promise<CrawlSummary> {
  const now = new Date();
  await withTenant(deps.db, tenantId, (tx) =>
    tx
      .update(websiteSources)
      .set({
        status: summary.status === 'failed' ? 'failed' : 'ready',
        error,
        pagesDone: summary.pagesDone,
        pagesChanged: summary.pagesChanged,
        pagesFailed: summary.pagesFailed,
        lastCrawledAt: now,
        nextCrawlAt: nextCrawlAt(source.schedule, now),
      })
      .where(and(eq(websiteSources.tenantId, tenantId), eq(websiteSources.id, source.id))),
  );
  return summary;
}
