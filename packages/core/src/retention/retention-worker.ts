import { QUEUES, type PgBoss } from '@replyline/db';
import { applyRetention, type RetentionDeps, type RetentionResult } from './apply-retention';

export interface RetentionWorkerOptions extends RetentionDeps {
  /** When the run starts (pg-boss cron, UTC); default daily at 03:17. */
  cron?: string;
  /** Told what each run deleted. */
  onRun?: (result: RetentionResult) => void;
}

/**
 * The retention worker: pg-boss starts a 'retention' job on a schedule (once per tick across
 * all processes) and this process's handler applies every tenant's retention. Returns the
 * worker id for `offWork`.
 */
export async function startRetentionWorker(
  queue: PgBoss,
  options: RetentionWorkerOptions,
): Promise<string> {
  const { cron = '17 3 * * *', onRun, ...deps } = options;
  const workerId = await queue.work(QUEUES.retention, { batchSize: 1 }, async () => {
    const result = await applyRetention(deps);
    onRun?.(result);
  });
  await queue.schedule(QUEUES.retention, cron, {}, { tz: 'UTC' });
  return workerId;
}
