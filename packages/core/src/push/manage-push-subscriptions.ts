import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../domain-error';

const { pushSubscriptions } = schema;

const base64url = (what: string, bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+=*$/, `The browser's ${what} is not base64url.`)
    .refine(
      (v) => Buffer.from(v, 'base64url').length === bytes,
      `The browser's ${what} has the wrong length.`,
    );

const ZEndpoint = z
  .url('The push endpoint must be an address.')
  .max(2048)
  .refine((v) => /^https?:\/\//.test(v), 'The push endpoint must be an http(s) address.');

/** `PushSubscription.toJSON()` as the browser gives it, plus this member's choices. */
export const ZPushSubscriptionInput = z.object({
  endpoint: ZEndpoint,
  keys: z.object({
    /** The browser's P-256 public key: an uncompressed point. */
    p256dh: base64url('public key', 65),
    /** The 16-byte authentication secret. */
    auth: base64url('authentication secret', 16),
  }),
  notifyUnassigned: z.boolean().default(false),
  deviceLabel: z.string().trim().max(80).optional(),
});
export type TPushSubscriptionInput = z.input<typeof ZPushSubscriptionInput>;

export const ZPushEndpoint = z.object({ endpoint: ZEndpoint });

/**
 * Stores this browser's subscription for the member in this workspace. A browser has one
 * endpoint; when another member signed in on it before, the device is now this member's.
 */
export async function subscribePush(
  db: Database,
  tenantId: TenantId,
  userId: UserId,
  input: TPushSubscriptionInput,
): Promise<{ notifyUnassigned: boolean }> {
  const parsed = ZPushSubscriptionInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError(
      'bad_input',
      parsed.error.issues[0]?.message ?? 'Not a push subscription.',
    );
  const { endpoint, keys, notifyUnassigned, deviceLabel } = parsed.data;
  const values = {
    userId,
    p256dh: keys.p256dh.replace(/=+$/, ''),
    auth: keys.auth.replace(/=+$/, ''),
    notifyUnassigned,
    deviceLabel: deviceLabel || null,
  };
  await withTenant(db, tenantId, (tx) =>
    tx
      .insert(pushSubscriptions)
      .values({ tenantId, endpoint, ...values })
      .onConflictDoUpdate({
        target: [pushSubscriptions.tenantId, pushSubscriptions.endpoint],
        set: { ...values, updatedAt: new Date() },
      }),
  );
  return { notifyUnassigned };
}

/** Forgets this browser for the member (the toggle turned off, or signing out). */
export async function unsubscribePush(
  db: Database,
  tenantId: TenantId,
  userId: UserId,
  endpoint: string,
): Promise<{ removed: boolean }> {
  const removed = await withTenant(db, tenantId, (tx) =>
    tx
      .delete(pushSubscriptions)
      .where(
        and(
          eq(pushSubscriptions.tenantId, tenantId),
          eq(pushSubscriptions.userId, userId),
          eq(pushSubscriptions.endpoint, endpoint),
        ),
      )
      .returning({ id: pushSubscriptions.id }),
  );
  return { removed: removed.length > 0 };
}

/** Whether this browser pushes to the member in this workspace, and for what. */
export async function getPushSubscription(
  db: Database,
  tenantId: TenantId,
  userId: UserId,
  endpoint: string,
): Promise<{ subscribed: boolean; notifyUnassigned: boolean }> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ notifyUnassigned: pushSubscriptions.notifyUnassigned })
      .from(pushSubscriptions)
      .where(
        and(
          eq(pushSubscriptions.tenantId, tenantId),
          eq(pushSubscriptions.userId, userId),
          eq(pushSubscriptions.endpoint, endpoint),
        ),
      ),
  );
  return { subscribed: Boolean(row), notifyUnassigned: row?.notifyUnassigned ?? false };
}
