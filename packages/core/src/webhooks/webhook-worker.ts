import { QUEUES, type PgBoss } from '@replyline/db';
import { deliverWebhook, type WebhookDeliveryDeps } from './deliver-webhook';
import { webhookDashboardUrl, webhooksMayReachLocal } from './env';
import type { WebhookJob } from './webhook-job';

export { WEBHOOK_RETRY } from './webhook-job';

/**
 * Posts queued webhooks ('outgoing-webhook'), one at a time per process. A failed attempt
 * throws, and pg-boss retries the job with the retry settings it was sent with. Returns the
 * worker id for `offWork`. Local receivers and the dashboard address come from env unless given.
 */
export async function startWebhookWorker(
  queue: PgBoss,
  deps: Omit<WebhookDeliveryDeps, 'allowLocal' | 'dashboardUrl'> &
    Partial<Pick<WebhookDeliveryDeps, 'allowLocal' | 'dashboardUrl'>>,
): Promise<string> {
  const delivery: WebhookDeliveryDeps = {
    ...deps,
    allowLocal: deps.allowLocal ?? webhooksMayReachLocal(),
    dashboardUrl: deps.dashboardUrl ?? webhookDashboardUrl(),
  };
  return queue.work<WebhookJob>(QUEUES.outgoingWebhook, { batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await deliverWebhook(delivery, job.data);
  });
}
