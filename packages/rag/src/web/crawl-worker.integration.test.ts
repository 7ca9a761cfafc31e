import { schema, withTenant, type PgBoss, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeDeps, newTenant } from '../testing/fixtures';
import { startTestSite, type TestSite } from '../testing/test-site';
import { queueDueCrawls, startCrawlWorker } from './crawl-worker';
import { createWebsiteSource, listWebsiteSourceRows } from './website-sources';

let t: TestDatabase;
let site: TestSite;
let boss: PgBoss;

beforeAll(async () => {
  [t, site] = await Promise.all([openTestDatabase(), startTestSite()]);
  boss = (await knowledgeDeps(t)).boss;
}, 120_000);
afterAll(async () => {
  await boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
  await site?.close();
  await t?.close();
});

async function settled(tenantId: TenantId, sourceId: string) {
  for (let i = 0; i < 300; i += 1) {
    const [source] = await listWebsiteSourceRows({ db: t.db }, tenantId, sourceId);
    if (source && (source.status === 'ready' || source.status === 'failed')) return source;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the crawl did not finish');
}

describe('the crawl worker', () => {
  it('runs queued crawls, and queues sources whose scheduled crawl is due', async () => {
    const deps = { db: t.db, queue: boss };
    const fetch = { allowPrivateAddresses: true, delayMs: 0, maxPageBytes: 256 * 1024 };
    const worker = await startCrawlWorker(boss, { db: t.db, fetch });
    try {
      const tenantId = await newTenant(t);
      const source = await createWebsiteSource(deps, tenantId, {
        url: `${site.origin}/help/`,
        include: ['/help/*'],
        schedule: 'daily',
      });
      expect(await settled(tenantId, source.id)).toMatchObject({
        status: 'ready',
        pagesIndexed: 3,
      });

      await withTenant(t.db, tenantId, (tx) =>
        tx
          .update(schema.websiteSources)
          .set({ nextCrawlAt: new Date(Date.now() - 1_000) })
          .where(
            and(
              eq(schema.websiteSources.tenantId, tenantId),
              eq(schema.websiteSources.id, source.id),
            ),
          ),
      );
      expect(await queueDueCrawls(deps)).toBeGreaterThanOrEqual(1);
      const again = await settled(tenantId, source.id);
      expect(again.nextCrawlAt!.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await boss.offWork({ id: worker });
    }
  });

  it('refuses a site on a private address unless this server allows it (production never does)', async () => {
    const tenantId = await newTenant(t);
    const worker = await startCrawlWorker(boss, { db: t.db, fetch: { delayMs: 0 } });
    try {
      const source = await createWebsiteSource({ db: t.db, queue: boss }, tenantId, {
        url: site.origin,
      });
      const failed = await settled(tenantId, source.id);
      expect(failed).toMatchObject({ status: 'failed', pagesIndexed: 0 });
      expect(failed.error).toMatch(
        /^The site could not be reached: .*127\.0\.0\.1.* not a public internet address/,
      );
    } finally {
      await boss.offWork({ id: worker });
    }
  });
});
