import { decryptSecret, schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { SIGNATURE_HEADER, signWebhook } from './sign-webhook';
import { resolvesToPrivateAddress, webhookUrlProblem } from './webhook-url';

const { tenants } = schema;

/** Slack's incoming-webhook body: `text` for notifications, `blocks` for the layout. */
export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

/** What the queue carries: the event, its body; the address is read at delivery time. */
export interface WebhookJob {
  tenantId: string;
  event: 'ticket.created';
  body: SlackMessage;
}

export interface WebhookDeliveryDeps {
  db: Database;
  /** Local addresses allowed (development, tests); see `webhooksMayReachLocal`. */
  allowLocal: boolean;
  /** One attempt's limit; the queue retries after it. Default 5 s. */
  timeoutMs?: number;
}

export class WebhookDeliveryError extends Error {}

/**
 * One delivery attempt: a signed JSON POST to the tenant's current webhook address. Throws on
 * anything but a 2xx answer within the time limit, so the queue tries again with backoff.
 * A webhook removed meanwhile is skipped: the tenant no longer wants these posts.
 */
export async function deliverWebhook(
  deps: WebhookDeliveryDeps,
  job: WebhookJob,
): Promise<'delivered' | 'skipped'> {
  const tenantId = job.tenantId as TenantId;
  const [target] = await withTenant(deps.db, tenantId, (tx) =>
    tx
      .select({ url: tenants.webhookUrl, secret: tenants.webhookSecretEncrypted })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  if (!target?.url || !target.secret) return 'skipped';

  const problem = webhookUrlProblem(target.url, { allowLocal: deps.allowLocal });
  if (problem) throw new WebhookDeliveryError(problem);
  const url = new URL(target.url);
  if (!deps.allowLocal && (await resolvesToPrivateAddress(url.hostname)))
    throw new WebhookDeliveryError('The webhook address resolves to a private network address.');

  const body = JSON.stringify(job.body);
  const signature = signWebhook(decryptSecret(target.secret), body, Math.floor(Date.now() / 1000));
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Replyline-Webhooks/1',
      'x-replyline-event': job.event,
      [SIGNATURE_HEADER]: signature,
    },
    body,
    redirect: 'error',
    signal: AbortSignal.timeout(deps.timeoutMs ?? 5_000),
  }).catch((error: unknown) => {
    throw new WebhookDeliveryError(`The webhook could not be reached: ${String(error)}`);
  });
  // The body is not needed; reading it frees the connection.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok)
    throw new WebhookDeliveryError(
      `The webhook answered ${response.status} ${response.statusText}`,
    );
  return 'delivered';
}
