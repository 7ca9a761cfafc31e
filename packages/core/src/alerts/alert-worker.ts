import { QUEUES, type PgBoss } from '@replyline/db';
import { webhookDashboardUrl, webhooksMayReachLocal } from '../webhooks/env';
import { deliverAlert, type AlertDeliveryDeps } from './deliver-alert';
import type { AlertJob } from './alert-job';
import { alertEndpoints } from './env';

/**
 * Sends queued alerts ('alert-delivery'), one at a time per process. A failed attempt throws
 * and pg-boss retries the job with the settings it was sent with. Local receivers and the
 * dashboard address come from env (as for webhooks) unless given.
 */
export async function startAlertWorker(
  queue: PgBoss,
  deps: Omit<AlertDeliveryDeps, 'allowLocal' | 'dashboardUrl' | 'queue'> &
    Partial<Pick<AlertDeliveryDeps, 'allowLocal' | 'dashboardUrl'>>,
): Promise<string> {
  const delivery: AlertDeliveryDeps = {
    ...deps,
    queue,
    endpoints: deps.endpoints ?? alertEndpoints(),
    allowLocal: deps.allowLocal ?? webhooksMayReachLocal(),
    dashboardUrl: deps.dashboardUrl ?? webhookDashboardUrl(),
  };
  return queue.work<AlertJob>(QUEUES.alertDelivery, { batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await deliverAlert(delivery, job.data);
  });
}
