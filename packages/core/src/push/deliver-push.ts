import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { safeFetch, type Resolve } from '@replyline/net';
import { and, eq } from 'drizzle-orm';
import webPush from 'web-push';
import type { VapidKeys } from './env';
import { pushContent } from './push-content';
import type { PushJob } from './push-job';

const { pushSubscriptions } = schema;

export interface PushDeliveryDeps {
  db: Database;
  vapid: VapidKeys;
  /** Push endpoints on localhost / private networks (development, tests); see `pushMayReachLocal`. */
  allowLocal: boolean;
  /** One attempt's limit; the queue retries after it. Default 10 s. */
  timeoutMs?: number;
  resolve?: Resolve;
}

export class PushDeliveryError extends Error {}

/** How long a push service keeps an undelivered push: a chat older than a day is not news. */
const TTL_SECONDS = 24 * 60 * 60;

export type PushOutcome = 'sent' | 'skipped' | 'expired';

/**
 * Sends one queued push: the words read from the row now, encrypted for the device
 * (aes128gcm, RFC 8291) and signed with our VAPID key (RFC 8292) by `web-push`, posted with
 * the outbound client that refuses private addresses. A push service answering 404 or 410
 * says the subscription is gone for good: it is deleted. Other failures throw, so the queue
 * retries.
 */
export async function deliverPush(deps: PushDeliveryDeps, job: PushJob): Promise<PushOutcome> {
  const tenantId = job.tenantId as TenantId;
  const found = await withTenant(deps.db, tenantId, async (tx) => {
    const [device] = await tx
      .select({
        endpoint: pushSubscriptions.endpoint,
        p256dh: pushSubscriptions.p256dh,
        auth: pushSubscriptions.auth,
      })
      .from(pushSubscriptions)
      .where(
        and(eq(pushSubscriptions.tenantId, tenantId), eq(pushSubscriptions.id, job.subscriptionId)),
      );
    if (!device) return null;
    const content = await pushContent(tx, tenantId, job);
    return content && { device, content };
  });
  if (!found) return 'skipped';

  const { device, content } = found;
  const request = webPush.generateRequestDetails(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    JSON.stringify(content),
    {
      vapidDetails: deps.vapid,
      contentEncoding: 'aes128gcm',
      TTL: TTL_SECONDS,
      urgency: 'high',
      topic: topicOf(content.tag),
    },
  );
  const response = await safeFetch(
    request.endpoint,
    {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body,
    },
    {
      allowPrivateAddresses: deps.allowLocal,
      resolve: deps.resolve,
      timeoutMs: deps.timeoutMs ?? 10_000,
      maxResponseBytes: 16 * 1024,
    },
  );
  if (response.status === 404 || response.status === 410) {
    await forgetSubscription(deps.db, tenantId, job.subscriptionId);
    return 'expired';
  }
  if (!response.ok) {
    const said = new TextDecoder().decode(response.body).slice(0, 200);
    throw new PushDeliveryError(`The push service answered ${response.status}: ${said}`);
  }
  await withTenant(deps.db, tenantId, (tx) =>
    tx
      .update(pushSubscriptions)
      .set({ lastSuccessAt: new Date() })
      .where(
        and(eq(pushSubscriptions.tenantId, tenantId), eq(pushSubscriptions.id, job.subscriptionId)),
      ),
  );
  return 'sent';
}

async function forgetSubscription(db: Database, tenantId: TenantId, id: string) {
  await withTenant(db, tenantId, (tx) =>
    tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.tenantId, tenantId), eq(pushSubscriptions.id, id))),
  );
}

/** RFC 8030 topics are at most 32 base64url characters: a later push replaces an unsent one. */
function topicOf(tag: string): string {
  return tag.replace(/[^A-Za-z0-9_-]/g, '').slice(-32);
}
