import { QUEUES, type PgBoss } from '@replyline/db';
import { deliverWebhook, type WebhookDeliveryDeps, type WebhookJob } from './deliver-webhook';
import { webhooksMayReachLocal } from './env';

/**
 * How often a post is tried: 1 + 5 retries about 10 s, 20 s, 40 s, 80 s and 160 s apart
 * (pg-boss adds jitter), so a receiver down for a few minutes still gets the ticket.
 */
export const WEBHOOK_RETRY = {
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  /** One attempt takes at most 5 s; a worker that died mid-post gives the job back after this. */
  expireInSeconds: 60,
};

/**
 * Posts queued webhooks ('outgoing-webhook'), one at a time per process. A failed attempt
 * throws, and pg-boss retries the job with the retry settings it was sent with. Returns the
 * worker id for `offWork`.
 */
export async function startWebhookWorker(
  queue: PgBoss,
  deps: Omit<WebhookDeliveryDeps, 'allowLocal'> & { allowLocal?: boolean },
): Promise<string> {
  const delivery = { ...deps, allowLocal: deps.allowLocal ?? webhooksMayReachLocal() };
  return queue.work<WebhookJob>(QUEUES.outgoingWebhook, { batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await deliverWebhook(delivery, job.data);
  });
}
