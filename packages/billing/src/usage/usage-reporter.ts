import { QUEUES, type PgBoss } from '@replyline/db';
import { silentLogger } from '../logger';
import { reportUsageOnce, type UsageReporterDeps } from './report-usage';

export interface UsageReporterOptions extends UsageReporterDeps {
  /** How often the outbox is drained (pg-boss cron, UTC); default every minute. */
  cron?: string;
}

/**
 * The usage outbox worker: pg-boss runs a 'report-usage' job on a schedule (once per tick across
 * all processes), and this process's handler drains the ledger into Stripe meter events.
 * Returns the worker id for `boss.offWork`.
 */
export async function startUsageReporter(
  queue: PgBoss,
  options: UsageReporterOptions,
): Promise<string> {
  const { cron = '* * * * *', ...deps } = options;
  const log = deps.logger ?? silentLogger;
  const workerId = await queue.work(QUEUES.reportUsage, { batchSize: 1 }, async () => {
    const summary = await reportUsageOnce(deps);
    if (summary.sent || summary.failed || summary.expired)
      log.info({ ...summary }, 'usage report run');
  });
  await queue.schedule(QUEUES.reportUsage, cron, {}, { tz: 'UTC' });
  return workerId;
}

/** Asks for a run now instead of at the next tick (e.g. before closing a billing period). */
export async function requestUsageReport(queue: Pick<PgBoss, 'send'>): Promise<void> {
  await queue.send(QUEUES.reportUsage, {});
}
