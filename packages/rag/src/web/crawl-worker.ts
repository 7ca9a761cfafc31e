import { QUEUES, schema, type PgBoss, type TenantId } from '@replyline/db';
import { crawlWebsite, type CrawlDeps } from './crawl-website';
import { dueWebsiteSources, enqueueCrawl, type CrawlJob } from './website-sources';

/**
 * Runs queued crawls one at a time per process: with one request at a time per host inside a
 * crawl, a site never sees more than one request at once from a worker. Returns the worker id.
 */
export async function startCrawlWorker(
  boss: PgBoss,
  deps: Omit<CrawlDeps, 'queue'>,
): Promise<string> {
  return boss.work<CrawlJob>(QUEUES.crawlWebsite, { batchSize: 1 }, async (jobs) => {
    for (const job of jobs)
      await crawlWebsite({ ...deps, queue: boss }, job.data.tenantId, job.data.sourceId);
  });
}

/**
 * Queues every source whose daily or weekly crawl is due; run periodically (the api's
 * scheduler). Each tenant is read in its own scope, as row-level security requires.
 */
export async function queueDueCrawls(
  deps: Pick<CrawlDeps, 'db' | 'queue'>,
  now = new Date(),
): Promise<number> {
  const tenants = await deps.db.select({ id: schema.tenants.id }).from(schema.tenants);
  let queued = 0;
  for (const tenant of tenants) {
    const tenantId = tenant.id as TenantId;
    for (const sourceId of await dueWebsiteSources(deps.db, tenantId, now)) {
      await enqueueCrawl(deps, tenantId, sourceId);
      queued += 1;
    }
  }
  return queued;
}
