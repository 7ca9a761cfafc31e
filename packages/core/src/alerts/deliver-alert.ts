import {
  decryptSecret,
  schema,
  withTenant,
  type Database,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { sendEmail } from '@replyline/email';
import { safeFetch, type Resolve } from '@replyline/net';
import { and, eq, sql } from 'drizzle-orm';
import { teamRecipients } from '../team-recipients';
import { webhookUrlProblem } from '../webhooks/webhook-url';
import type { AlertContent } from './alert-content';
import { FAILURES_BEFORE_FAILING, type AlertJob } from './alert-job';
import type { AlertChannelConfig } from './channel-config';
import {
  channelRequest,
  PROVIDER_ENDPOINTS,
  type AlertEndpoints,
  type OutgoingRequest,
} from './channels';
import { describeAlert } from './describe-alert';

const { alertChannels, tenants } = schema;

export interface AlertDeliveryDeps {
  db: Database;
  /** For the email that tells owners a channel is failing. */
  queue: Pick<PgBoss, 'send'>;
  /** Local addresses allowed (development, tests); see `webhooksMayReachLocal`. */
  allowLocal: boolean;
  /** The dashboard's address, for links in alerts and in the failing-channel email. */
  dashboardUrl: string;
  /** Provider API roots; tests point them at local servers. */
  endpoints?: AlertEndpoints;
  /** One attempt's limit; the queue retries after it. Default 10 s. */
  timeoutMs?: number;
  resolve?: Resolve;
}

export class AlertDeliveryError extends Error {}

const PROVIDER_NAMES: Record<AlertChannelConfig['kind'], string> = {
  telegram: 'Telegram',
  slack: 'Slack',
  teams: 'Teams',
  whatsapp: 'WhatsApp',
  twilio_sms: 'Twilio',
  webhook: 'The webhook',
};

export interface LoadedChannel {
  id: string;
  name: string;
  events: string[];
  config: AlertChannelConfig;
}

export async function loadAlertChannel(
  db: Database,
  tenantId: TenantId,
  channelId: string,
): Promise<LoadedChannel | null> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        id: alertChannels.id,
        name: alertChannels.name,
        events: alertChannels.events,
        configEncrypted: alertChannels.configEncrypted,
      })
      .from(alertChannels)
      .where(and(eq(alertChannels.tenantId, tenantId), eq(alertChannels.id, channelId))),
  );
  if (!row) return null;
  const config = JSON.parse(decryptSecret(row.configEncrypted)) as AlertChannelConfig;
  return { id: row.id, name: row.name, events: row.events, config };
}

/**
 * One attempt at one alert on one channel. Skipped when the channel was removed or no longer
 * wants this event, or there is nothing to say any more (see `describeAlert`). A refusal or
 * silence from the provider counts against the channel and throws, so the queue retries with
 * backoff; the attempt that makes the channel 'failing' tells its owners.
 */
export async function deliverAlert(
  deps: AlertDeliveryDeps,
  job: AlertJob,
): Promise<'delivered' | 'skipped'> {
  const tenantId = job.tenantId as TenantId;
  const channel = await loadAlertChannel(deps.db, tenantId, job.channelId);
  if (!channel) return 'skipped';
  if (job.event !== 'test' && !channel.events.includes(job.event)) return 'skipped';
  const content = await describeAlert(deps.db, job, deps.dashboardUrl);
  if (!content) return 'skipped';
  try {
    await sendOnChannel(deps, channel, content, { event: job.event, tenantId });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const nowFailing = await recordFailure(deps.db, tenantId, channel.id, reason);
    if (nowFailing) await tellOwnersChannelFailing(deps, tenantId, channel, reason);
    throw error;
  }
  await recordSuccess(deps.db, tenantId, channel.id);
  return 'delivered';
}

/** Builds the provider's request and sends it; throws `AlertDeliveryError` in words if refused. */
export async function sendOnChannel(
  deps: Pick<AlertDeliveryDeps, 'allowLocal' | 'endpoints' | 'timeoutMs' | 'resolve'>,
  channel: LoadedChannel,
  content: AlertContent,
  alert: { event: string; tenantId: string },
): Promise<void> {
  const provider = PROVIDER_NAMES[channel.config.kind];
  const request = channelRequest(
    channel.config,
    content,
    alert,
    deps.endpoints ?? PROVIDER_ENDPOINTS,
  );
  const problem = request.typedAddress && webhookUrlProblem(request.url, deps);
  if (problem) throw new AlertDeliveryError(problem);
  const response = await post(request, deps).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AlertDeliveryError(`${provider} could not be reached: ${reason}`);
  });
  if (response.ok) return;
  const said = providerMessage(response.body);
  throw new AlertDeliveryError(
    `${provider} answered ${response.status}${said ? `: ${said}` : ` ${response.statusText}`}`,
  );
}

function post(
  request: OutgoingRequest,
  deps: Pick<AlertDeliveryDeps, 'allowLocal' | 'timeoutMs' | 'resolve'>,
) {
  return safeFetch(
    request.url,
    { method: 'POST', headers: request.headers, body: request.body },
    {
      // Provider roots are fixed public hosts; only tests and development point them nearby.
      allowPrivateAddresses: deps.allowLocal,
      resolve: deps.resolve,
      timeoutMs: deps.timeoutMs ?? 10_000,
      maxResponseBytes: 64 * 1024,
    },
  );
}

/**
 * The reason in a provider's error body: Telegram's `description`, Twilio's `message`, the
 * Graph API's `error.message`, or a short plain-text answer. Never the whole body.
 */
export function providerMessage(body: Uint8Array | string): string | null {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  try {
    const parsed = JSON.parse(text) as {
      description?: unknown;
      message?: unknown;
      error?: { message?: unknown } | unknown;
    };
    const error = parsed.error as { message?: unknown } | undefined;
    const said = parsed.description ?? parsed.message ?? error?.message ?? parsed.error;
    if (typeof said === 'string') return said.slice(0, 300);
  } catch {
    // Not JSON: fall through to the plain text.
  }
  const plain = text.trim();
  return plain && plain.length <= 300 && !plain.startsWith('<') ? plain : null;
}

/** Counts a failed attempt; true exactly when this one made the channel 'failing'. */
async function recordFailure(
  db: Database,
  tenantId: TenantId,
  channelId: string,
  reason: string,
): Promise<boolean> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .update(alertChannels)
      .set({
        consecutiveFailures: sql`${alertChannels.consecutiveFailures} + 1`,
        status: sql`case when ${alertChannels.consecutiveFailures} + 1 >= ${FAILURES_BEFORE_FAILING} then 'failing' else ${alertChannels.status} end`,
        lastError: reason.slice(0, 500),
        lastFailureAt: new Date(),
      })
      .where(and(eq(alertChannels.tenantId, tenantId), eq(alertChannels.id, channelId)))
      .returning({ failures: alertChannels.consecutiveFailures }),
  );
  return row?.failures === FAILURES_BEFORE_FAILING;
}

/** A message that got through: the channel works (again). */
export async function recordSuccess(
  db: Database,
  tenantId: TenantId,
  channelId: string,
): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(alertChannels)
      .set({ consecutiveFailures: 0, status: 'active', lastSuccessAt: new Date() })
      .where(and(eq(alertChannels.tenantId, tenantId), eq(alertChannels.id, channelId))),
  );
}

async function tellOwnersChannelFailing(
  deps: AlertDeliveryDeps,
  tenantId: TenantId,
  channel: LoadedChannel,
  lastError: string,
): Promise<void> {
  const { workspaceName, recipients } = await withTenant(deps.db, tenantId, async (tx) => {
    const [tenant] = await tx
      .select({ name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return {
      workspaceName: tenant?.name ?? 'Your workspace',
      recipients: await teamRecipients(tx, tenantId),
    };
  });
  for (const to of recipients)
    await sendEmail(
      { db: deps.db, queue: deps.queue },
      {
        to,
        template: 'alert-channel-failing',
        props: {
          workspaceName,
          channelName: channel.name,
          lastError,
          settingsUrl: `${deps.dashboardUrl}/settings/alerts`,
        },
        metadata: { tenantId, alertChannelId: channel.id },
      },
    );
}
