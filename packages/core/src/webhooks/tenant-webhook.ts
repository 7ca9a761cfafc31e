import {
  encryptSecret,
  randomToken,
  schema,
  withTenant,
  type Database,
  type TenantId,
} from '@replyline/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { AuditActor } from '../request';

const { tenants } = schema;

/** The tenant's webhook address; the secret itself is only shown once, when it is made. */
export async function getTenantWebhook(db: Database, tenantId: TenantId) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ url: tenants.webhookUrl, secret: tenants.webhookSecretEncrypted })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  return { url: row?.url ?? null, hasSecret: Boolean(row?.secret) };
}

/**
 * Sets the address new tickets are posted to, with a fresh signing secret (returned once, to
 * show the admin), or clears both. The caller checked the address.
 */
export async function setTenantWebhook(
  db: Database,
  actor: AuditActor,
  url: string | null,
): Promise<{ secret: string | null }> {
  const secret = url ? randomToken('whsec_', 32) : null;
  await withTenant(db, actor.tenantId, async (tx) => {
    await tx
      .update(tenants)
      .set({ webhookUrl: url, webhookSecretEncrypted: secret ? encryptSecret(secret) : null })
      .where(eq(tenants.id, actor.tenantId));
    await recordAudit(tx, actor, {
      action: url ? 'webhook.set' : 'webhook.cleared',
      targetType: 'tenant',
      targetId: actor.tenantId,
      details: url ? { host: new URL(url).host } : {},
    });
  });
  return { secret };
}
