import { QUEUES, type PgBoss } from '@replyline/db';
import { deliverPush, type PushDeliveryDeps } from './deliver-push';
import { pushMayReachLocal, vapidKeys } from './env';
import type { PushJob } from './push-job';

/**
 * Sends queued pushes ('push-delivery'), one at a time per process. A failed attempt throws
 * and pg-boss retries the job with the settings it was sent with. Keys and local endpoints
 * come from env unless given.
 */
export async function startPushWorker(
  queue: PgBoss,
  deps: Omit<PushDeliveryDeps, 'vapid' | 'allowLocal'> & Partial<PushDeliveryDeps>,
): Promise<string> {
  const delivery: PushDeliveryDeps = {
    ...deps,
    vapid: deps.vapid ?? vapidKeys(),
    allowLocal: deps.allowLocal ?? pushMayReachLocal(),
  };
  return queue.work<PushJob>(QUEUES.pushDelivery, { batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await deliverPush(delivery, job.data);
  });
}
