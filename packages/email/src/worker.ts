import { QUEUES, type PgBoss } from '@replyline/db';
import { deliverEmail, type DeliveryDeps } from './deliver-email';
import type { SendEmailJob } from './send-email';

/**
 * Delivers queued emails. Retries (count and backoff) are set per job by `sendEmail`; this
 * only needs to know whether an attempt is the last one. Returns the worker id for `offWork`.
 */
export async function startEmailWorker(boss: PgBoss, deps: DeliveryDeps): Promise<string> {
  let workerId = '';
  workerId = await boss.work<SendEmailJob>(
    QUEUES.sendEmail,
    { batchSize: 1, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs) {
        await deliverEmail(deps, job.data.emailId, {
          lastAttempt: job.retryCount >= job.retryLimit,
        });
      }
      // A job was there, so more may be waiting: fetch again at once, not after the polling interval.
      boss.notifyWorker(workerId);
    },
  );
  return workerId;
}
