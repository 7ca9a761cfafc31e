import { QUEUES, type Database, type PgBoss, type TenantId } from '@replyline/db';
import { emitAlert } from '../alerts/emit-alert';
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
  return queue.work<WebhookJob>(
    QUEUES.outgoingWebhook,
    { batchSize: 1, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs)
        await deliverWebhook(delivery, job.data).catch(async (error: unknown) => {
          if (job.retryCount >= job.retryLimit) await alertGaveUp(deps.db, queue, job.data, error);
          throw error;
        });
    },
  );
}

/** The last attempt failed too: channels that asked for 'delivery.failed' hear why. */
async function alertGaveUp(db: Database, queue: PgBoss, job: WebhookJob, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  await emitAlert({ db, queue }, job.tenantId as TenantId, 'delivery.failed', {
    note: `The ticket webhook gave up after every retry. ${reason}`.slice(0, 300),
  });
}
