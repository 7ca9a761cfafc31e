import { QUEUES, schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { IngestionError } from '../errors';
import type { KnowledgeDeps } from '../ingest/deps';
import { normalizeUrl } from './url-rules';

const { documents, websitePages, websiteSources } = schema;

const ZPattern = z.string().trim().min(1).max(200);

/** A website source as the dashboard and the management API send it. */
export const ZWebsiteSourceInput = z.object({
  url: z.string().trim().min(1).max(2_000),
  sitemapUrl: z.string().trim().max(2_000).nullish(),
  maxPages: z.number().int().min(1).max(5_000).default(200),
  maxDepth: z.number().int().min(0).max(20).default(5),
  include: z.array(ZPattern).max(50).default([]),
  exclude: z.array(ZPattern).max(50).default([]),
  schedule: z.enum(['daily', 'weekly', 'manual']).default('weekly'),
});
export type TWebsiteSourceInput = z.input<typeof ZWebsiteSourceInput>;

export interface WebsiteSourceSummary {
  id: string;
  startUrl: string;
  sitemapUrl: string | null;
  maxPages: number;
  maxDepth: number;
  includePatterns: string[];
  excludePatterns: string[];
  schedule: 'daily' | 'weekly' | 'manual';
  status: 'queued' | 'crawling' | 'ready' | 'failed';
  error: string | null;
  pagesFound: number;
  pagesDone: number;
  pagesChanged: number;
  pagesFailed: number;
  /** Pages of the source in the index now. */
  pagesIndexed: number;
  lastCrawledAt: Date | null;
  nextCrawlAt: Date | null;
  createdAt: Date;
}

export interface WebsitePageSummary {
  url: string;
  title: string | null;
  status: 'indexed' | 'skipped' | 'failed';
  error: string | null;
  httpStatus: number | null;
  documentId: string | null;
  lastCrawledAt: Date;
}

export interface CrawlJob {
  tenantId: TenantId;
  sourceId: string;
}

/**
 * Stores a website source and queues its first crawl. The address must be a full http(s)
 * URL; whether it may be reached (public addresses only) is decided when the crawl connects.
 */
export async function createWebsiteSource(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  raw: TWebsiteSourceInput,
): Promise<WebsiteSourceSummary> {
  const parsed = ZWebsiteSourceInput.safeParse(raw);
  if (!parsed.success)
    throw new IngestionError(
      'invalid_input',
      parsed.error.issues[0]?.message ?? 'Check the website settings.',
    );
  const input = parsed.data;
  const startUrl = siteAddress(input.url, 'The website address');
  const sitemapUrl = input.sitemapUrl ? siteAddress(input.sitemapUrl, 'The sitemap address') : null;
  const created = await withTenant(deps.db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(websiteSources)
      .values({
        tenantId,
        startUrl,
        sitemapUrl,
        maxPages: input.maxPages,
        maxDepth: input.maxDepth,
        includePatterns: input.include,
        excludePatterns: input.exclude,
        schedule: input.schedule,
      })
      .onConflictDoNothing()
      .returning({ id: websiteSources.id });
    return row ?? null;
  });
  if (!created)
    throw new IngestionError('invalid_input', `${startUrl} is already a website source.`);
  await enqueueCrawl(deps, tenantId, created.id);
  return (await listWebsiteSourceRows(deps, tenantId, created.id))[0]!;
}

function siteAddress(raw: string, what: string): string {
  const url = normalizeUrl(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
  if (!url)
    throw new IngestionError(
      'invalid_input',
      `${what} must be a web address, like https://example.com.`,
    );
  return url;
}

export async function listWebsiteSourceRows(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  sourceId?: string,
): Promise<WebsiteSourceSummary[]> {
  return withTenant(deps.db, tenantId, (tx) =>
    tx
      .select({
        id: websiteSources.id,
        startUrl: websiteSources.startUrl,
        sitemapUrl: websiteSources.sitemapUrl,
        maxPages: websiteSources.maxPages,
        maxDepth: websiteSources.maxDepth,
        includePatterns: websiteSources.includePatterns,
        excludePatterns: websiteSources.excludePatterns,
        schedule: websiteSources.schedule,
        status: websiteSources.status,
        error: websiteSources.error,
        pagesFound: websiteSources.pagesFound,
        pagesDone: websiteSources.pagesDone,
        pagesChanged: websiteSources.pagesChanged,
        pagesFailed: websiteSources.pagesFailed,
        pagesIndexed: tx.$count(
          websitePages,
          and(
            eq(websitePages.tenantId, websiteSources.tenantId),
            eq(websitePages.sourceId, websiteSources.id),
            isNotNull(websitePages.documentId),
          ),
        ),
        lastCrawledAt: websiteSources.lastCrawledAt,
        nextCrawlAt: websiteSources.nextCrawlAt,
        createdAt: websiteSources.createdAt,
      })
      .from(websiteSources)
      .where(
        and(
          eq(websiteSources.tenantId, tenantId),
          sourceId ? eq(websiteSources.id, sourceId) : undefined,
        ),
      )
      .orderBy(desc(websiteSources.createdAt)),
  );
}

/** The pages of one source with their status, problems first (the dashboard's page list). */
export async function listWebsitePages(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  sourceId: string,
): Promise<WebsitePageSummary[]> {
  return withTenant(deps.db, tenantId, (tx) =>
    tx
      .select({
        url: websitePages.url,
        title: websitePages.title,
        status: websitePages.status,
        error: websitePages.error,
        httpStatus: websitePages.httpStatus,
        documentId: websitePages.documentId,
        lastCrawledAt: websitePages.lastCrawledAt,
      })
      .from(websitePages)
      .where(and(eq(websitePages.tenantId, tenantId), eq(websitePages.sourceId, sourceId)))
      .orderBy(
        sql`case ${websitePages.status} when 'failed' then 0 when 'skipped' then 1 else 2 end`,
        asc(websitePages.url),
      ),
  );
}

/** Queues a crawl now; false when the source does not exist. */
export async function queueWebsiteCrawl(
  deps: Pick<KnowledgeDeps, 'db' | 'queue'>,
  tenantId: TenantId,
  sourceId: string,
): Promise<boolean> {
  const [found] = await withTenant(deps.db, tenantId, (tx) =>
    tx
      .update(websiteSources)
      .set({ status: 'queued', error: null })
      .where(and(eq(websiteSources.tenantId, tenantId), eq(websiteSources.id, sourceId)))
      .returning({ id: websiteSources.id }),
  );
  if (!found) return false;
  await enqueueCrawl(deps, tenantId, sourceId);
  return true;
}

/** Deletes a source with every page document it brought into the index. */
export async function removeWebsiteSource(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  sourceId: string,
): Promise<boolean> {
  return withTenant(deps.db, tenantId, async (tx) => {
    const pages = await tx
      .select({ documentId: websitePages.documentId })
      .from(websitePages)
      .where(
        and(
          eq(websitePages.tenantId, tenantId),
          eq(websitePages.sourceId, sourceId),
          isNotNull(websitePages.documentId),
        ),
      );
    const deleted = await tx
      .delete(websiteSources)
      .where(and(eq(websiteSources.tenantId, tenantId), eq(websiteSources.id, sourceId)))
      .returning({ id: websiteSources.id });
    const ids = pages.map((p) => p.documentId!);
    if (ids.length > 0)
      await tx
        .delete(documents)
        .where(and(eq(documents.tenantId, tenantId), inArray(documents.id, ids)));
    return deleted.length > 0;
  });
}

/** Sources of one tenant whose scheduled crawl is due (the scheduler queues them). */
export async function dueWebsiteSources(
  db: Database,
  tenantId: TenantId,
  now: Date,
): Promise<string[]> {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ id: websiteSources.id })
      .from(websiteSources)
      .where(
        and(
          eq(websiteSources.tenantId, tenantId),
          lte(websiteSources.nextCrawlAt, now),
          inArray(websiteSources.status, ['ready', 'failed']),
        ),
      ),
  );
  return rows.map((row) => row.id);
}

export async function enqueueCrawl(
  deps: Pick<KnowledgeDeps, 'queue'>,
  tenantId: TenantId,
  sourceId: string,
) {
  const job: CrawlJob = { tenantId, sourceId };
  // One crawl per source at a time: a second request while one is queued is the same job.
  await deps.queue.send(QUEUES.crawlWebsite, job, { singletonKey: sourceId, retryLimit: 1 });
}
