import { decryptSecret, schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { safeFetch, type Resolve } from '@replyline/net';
import { eq } from 'drizzle-orm';
import { readTicketFacts } from '../tickets/notify-ticket-created';
import { SIGNATURE_HEADER, signWebhook } from './sign-webhook';
import { ticketSlackMessage } from './slack-message';
import type { WebhookJob } from './webhook-job';
import { webhookUrlProblem } from './webhook-url';

const { tenants } = schema;

export interface WebhookDeliveryDeps {
  db: Database;
  /** Local addresses allowed (development, tests); see `webhooksMayReachLocal`. */
  allowLocal: boolean;
  /** The dashboard's address, for the link to the ticket. */
  dashboardUrl: string;
  /** One attempt's limit; the queue retries after it. Default 5 s. */
  timeoutMs?: number;
  /** Name resolution for the connect-time address check; tests inject one. */
  resolve?: Resolve;
}

export class WebhookDeliveryError extends Error {}

/**
 * One delivery attempt: a signed JSON POST to the tenant's current webhook address, built now
 * from the ticket as it is. Throws on anything but a 2xx answer within the time limit, so the
 * queue tries again with backoff. Skipped when the webhook was removed (the tenant no longer
 * wants these posts) or the ticket is gone (deleted, or its customer erased).
 */
export async function deliverWebhook(
  deps: WebhookDeliveryDeps,
  job: WebhookJob,
): Promise<'delivered' | 'skipped'> {
  // A job queued before jobs carried ids only holds the post itself: dropped, not sent.
  if (!job.ticketId) return 'skipped';
  const tenantId = job.tenantId as TenantId;
  const target = await readWebhookTarget(deps.db, tenantId);
  if (!target) return 'skipped';
  const facts = await readTicketFacts(deps.db, tenantId, job.ticketId);
  if (!facts) return 'skipped';

  const problem = webhookUrlProblem(target.url, { allowLocal: deps.allowLocal });
  if (problem) throw new WebhookDeliveryError(problem);
  const ticketUrl = new URL(`/tickets/${facts.ticket.id}`, deps.dashboardUrl).toString();
  const body = JSON.stringify(
    ticketSlackMessage({ ...facts.ticket, message: facts.message, ticketUrl }),
  );
  const signature = signWebhook(target.secret, body, Math.floor(Date.now() / 1000));
  const response = await safeFetch(
    target.url,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Replyline-Webhooks/1',
        'x-replyline-event': job.event,
        [SIGNATURE_HEADER]: signature,
      },
      body,
    },
    {
      allowPrivateAddresses: deps.allowLocal,
      resolve: deps.resolve,
      timeoutMs: deps.timeoutMs ?? 5_000,
      // Only the status matters; a receiver cannot make us hold a large answer.
      maxResponseBytes: 64 * 1024,
    },
  ).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WebhookDeliveryError(`The webhook could not be reached: ${reason}`);
  });
  if (!response.ok)
    throw new WebhookDeliveryError(
      `The webhook answered ${response.status} ${response.statusText}`,
    );
  return 'delivered';
}

async function readWebhookTarget(db: Database, tenantId: TenantId) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ url: tenants.webhookUrl, secret: tenants.webhookSecretEncrypted })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  if (!row?.url || !row.secret) return null;
  return { url: row.url, secret: decryptSecret(row.secret) };
}
