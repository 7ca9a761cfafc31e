import { QUEUES, schema, type PgBoss, type TenantId } from '@replyline/db';
import type { RagEnv } from '../env';
import { crawlWebsite, type CrawlDeps } from './crawl-website';
import { DEFAULT_CRAWL_FETCH, type CrawlFetchOptions } from './polite-fetcher';
import { dueWebsiteSources, queueWebsiteCrawl, type CrawlJob } from './website-sources';

/** How often scheduled (daily, weekly) crawls are looked for. */
const SCHEDULER_CRON = '7 * * * *';

/** The crawl's fetch settings from the validated environment. */
export function crawlSettingsFromEnv(env: RagEnv): CrawlFetchOptions {
  return {
    ...DEFAULT_CRAWL_FETCH,
    delayMs: env.CRAWL_DELAY_MS,
    maxPageBytes: Math.round(env.CRAWL_MAX_PAGE_MB * 1024 * 1024),
    allowPrivateAddresses: env.CRAWL_ALLOW_PRIVATE_ADDRESSES,
  };
}

/**
 * Runs queued crawls one at a time per process: with one request at a time per host inside a
 * crawl, a site never sees more than one request at once from a worker. An hourly job without
 * a source (pg-boss's schedule) queues the sources whose daily or weekly crawl is due.
 */
export async function startCrawlWorker(
  boss: PgBoss,
  deps: Omit<CrawlDeps, 'queue'>,
): Promise<string> {
  const workerId = await boss.work<Partial<CrawlJob>>(
    QUEUES.crawlWebsite,
    { batchSize: 1 },
    async (jobs) => {
      for (const { data } of jobs) {
        if (data.tenantId && data.sourceId)
          await crawlWebsite({ ...deps, queue: boss }, data.tenantId, data.sourceId);
        else await queueDueCrawls({ db: deps.db, queue: boss });
      }
    },
  );
  await boss.schedule(QUEUES.crawlWebsite, SCHEDULER_CRON, {}, { tz: 'UTC' });
  return workerId;
}

/** Queues every source whose scheduled crawl is due; each tenant is read in its own scope. */
export async function queueDueCrawls(
  deps: Pick<CrawlDeps, 'db' | 'queue'>,
  now = new Date(),
): Promise<number> {
  const tenants = await deps.db.select({ id: schema.tenants.id }).from(schema.tenants);
  let queued = 0;
  for (const tenant of tenants) {
    const tenantId = tenant.id as TenantId;
    for (const sourceId of await dueWebsiteSources(deps.db, tenantId, now))
      if (await queueWebsiteCrawl(deps, tenantId, sourceId)) queued += 1;
  }
  return queued;
}
