import { asUserId, schema, withTenant, type TenantId, type UserId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { crawlWebsite, type CrawlDeps } from '@replyline/rag';
import { startTestSite, type TestSite } from '@replyline/rag/testing';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import { testTheBot } from './test-the-bot';
import {
  addWebsiteSource,
  deleteWebsiteSource,
  getWebsiteSource,
  listWebsiteSources,
  recrawlWebsiteSource,
} from './website-sources';

let t: TestDatabase;
let site: TestSite;
beforeAll(async () => {
  [t, site] = await Promise.all([openTestDatabase(), startTestSite()]);
}, 120_000);
afterAll(async () => {
  await site?.close();
  await t?.close();
});

/** The crawl's fetch settings for a site on 127.0.0.1: allowed here only, no pause, a small page cap. */
const crawlDeps = (): CrawlDeps => ({
  db: t.db,
  queue: { send: async () => null },
  fetch: { allowPrivateAddresses: true, delayMs: 0, maxPageBytes: 256 * 1024 },
});

async function workspace() {
  const { tenantId } = await newWorkspace(t.db, 'Nordic Kettles');
  const userId: UserId = asUserId(await newMember(t.db, tenantId, 'admin'));
  const jobs: object[] = [];
  const enqueue = async (_name: string, data: object) => {
    jobs.push(data);
    return 'job';
  };
  return { db: t.db, tenantId, userId, requestIp: null, enqueue, jobs };
}

/** Index state of the source: page URL -> document id, for pages with a document. */
async function indexedPages(tenantId: TenantId) {
  const rows = await withTenant(t.db, tenantId, (tx) =>
    tx
      .select({
        url: schema.documents.sourceUrl,
        id: schema.documents.id,
        updatedAt: schema.documents.updatedAt,
      })
      .from(schema.documents)
      .where(and(eq(schema.documents.tenantId, tenantId), isNotNull(schema.documents.sourceUrl))),
  );
  return new Map(rows.map((r) => [r.url!.replace(site.origin, ''), r]));
}

describe('a website source on a realistic local site', () => {
  it('indexes exactly the allowed pages, cites the right page, re-processes only an edited page and drops a removed one', async () => {
    const ctx = await workspace();
    const added = await addWebsiteSource(ctx, { url: `${site.origin}/`, schedule: 'manual' });
    expect(added).toMatchObject({ status: 'queued', startUrl: `${site.origin}/` });
    expect(ctx.jobs).toEqual([{ tenantId: ctx.tenantId, sourceId: added.id }]);

    const first = await crawlWebsite(crawlDeps(), ctx.tenantId, added.id);
    const indexed = await indexedPages(ctx.tenantId);
    expect([...indexed.keys()].sort()).toEqual([
      '/',
      '/about',
      '/help/',
      '/help/returns',
      '/help/shipping',
      '/warranty',
    ]);
    expect(site.requests.map((r) => r.path)).not.toContain('/private/prices');
    expect(first).toMatchObject({ status: 'ready', pagesChanged: 6 });

    const source = await getWebsiteSource(ctx, added.id);
    expect(source).toMatchObject({ status: 'ready', pagesIndexed: 6, error: null });
    const problems = Object.fromEntries(
      source.pages
        .filter((p) => p.status !== 'indexed')
        .map((p) => [p.url.replace(site.origin, ''), `${p.status}: ${p.error}`]),
    );
    expect(problems).toEqual({
      '/private/prices': 'skipped: robots.txt asks not to crawl this page.',
      '/old-catalogue': 'failed: The page answered 404 (not found).',
      '/loop-a': `skipped: Redirects to ${site.origin}/loop-b.`,
      '/loop-b': `skipped: Redirects to ${site.origin}/loop-a.`,
      '/everything': expect.stringMatching(/^failed: The page is too large to import/),
      '/files/price-list.pdf':
        'skipped: Not a web page (application/pdf); upload files like this one directly.',
      '/staff-only': 'skipped: The page asks not to be indexed (noindex).',
    });

    const reply = await testTheBot(
      ctx,
      ctx.tenantId,
      'How many days do I have to return a kettle?',
    );
    const cited = reply.passages.filter((p) => p.cited);
    expect(cited[0]!.link).toBe(
      `${site.origin}/help/returns#:~:text=You%20can%20return%20an,for%20a%20full%20refund.`,
    );

    // One page edited: the next crawl asks conditionally and re-processes that page only.
    site.pages.set('/help/shipping', {
      body: site.pages.get('/help/shipping')!.body.replace('three to five', 'two to four'),
    });
    site.requests.length = 0;
    const second = await crawlWebsite(crawlDeps(), ctx.tenantId, added.id);
    expect(second).toMatchObject({ pagesChanged: 1, pagesRemoved: 0 });
    const unchangedAnswers = site.requests.filter((r) => r.status === 304).map((r) => r.path);
    expect(unchangedAnswers.sort()).toEqual([
      '/',
      '/about',
      '/help/',
      '/help/returns',
      '/warranty',
    ]);
    const afterEdit = await indexedPages(ctx.tenantId);
    for (const [url, doc] of indexed)
      if (url !== '/help/shipping') expect(afterEdit.get(url)?.updatedAt).toEqual(doc.updatedAt);
    expect(afterEdit.get('/help/shipping')!.updatedAt.getTime()).toBeGreaterThan(
      indexed.get('/help/shipping')!.updatedAt.getTime(),
    );
    const shipping = await testTheBot(ctx, ctx.tenantId, 'How long does delivery take?');
    expect(shipping.answer).toContain('two to four working days');

    // A page removed from the site leaves the index on the next crawl.
    site.pages.delete('/warranty');
    const third = await crawlWebsite(crawlDeps(), ctx.tenantId, added.id);
    expect(third.pagesRemoved).toBe(1);
    expect([...(await indexedPages(ctx.tenantId)).keys()]).not.toContain('/warranty');
    const warranty = await testTheBot(ctx, ctx.tenantId, 'Is there a warranty against rust?');
    expect(warranty.passages.map((p) => p.link ?? '')).not.toContainEqual(
      expect.stringContaining('/warranty'),
    );
  });

  it('queues a re-crawl, lists sources, refuses bad addresses and deletes a source with its pages', async () => {
    const ctx = await workspace();
    await expect(addWebsiteSource(ctx, { url: 'ftp://files.example.com' })).rejects.toThrow(
      /web address/,
    );
    await expect(addWebsiteSource(ctx, { url: `${site.origin}/`, maxPages: 0 })).rejects.toThrow();
    const added = await addWebsiteSource(ctx, {
      url: `${site.origin}/help/`,
      maxDepth: 1,
      include: ['/help/*'],
      schedule: 'daily',
    });
    await expect(addWebsiteSource(ctx, { url: `${site.origin}/help/` })).rejects.toThrow(
      /already a website source/,
    );
    await crawlWebsite(crawlDeps(), ctx.tenantId, added.id);
    const [listed] = await listWebsiteSources(ctx);
    expect(listed).toMatchObject({
      id: added.id,
      schedule: 'daily',
      status: 'ready',
      pagesIndexed: 3,
    });
    expect(listed!.nextCrawlAt!.getTime() - listed!.lastCrawledAt!.getTime()).toBe(
      24 * 60 * 60 * 1000,
    );

    await expect(recrawlWebsiteSource(ctx, added.id)).resolves.toEqual({ queued: true });
    expect(ctx.jobs).toHaveLength(2);
    const other = await workspace();
    await expect(recrawlWebsiteSource(other, added.id)).rejects.toThrow(/does not exist/);
    await expect(deleteWebsiteSource(other, added.id)).rejects.toThrow(/does not exist/);

    await expect(deleteWebsiteSource(ctx, added.id)).resolves.toEqual({ deleted: true });
    expect((await indexedPages(ctx.tenantId)).size).toBe(0);
    expect(await listWebsiteSources(ctx)).toEqual([]);
  });
});
