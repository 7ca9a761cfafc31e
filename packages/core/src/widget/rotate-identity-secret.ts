import { encryptSecret, randomToken, schema, withTenant, type Database } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { Actor } from '../services';

/**
 * Replaces the workspace's identity secret (the key a site signs its visitors' ids with) and
 * returns the new one, the only time it is shown; it is stored encrypted. Signatures made with
 * the old secret stop working at once, so the site must switch to the new one.
 */
export async function rotateIdentitySecret(
  db: Database,
  actor: Actor,
): Promise<{ identitySecret: string }> {
  const identitySecret = randomToken('is_', 32);
  await withTenant(db, actor.tenantId, async (tx) => {
    await tx
      .update(schema.tenants)
      .set({ identitySecretEncrypted: encryptSecret(identitySecret) })
      .where(eq(schema.tenants.id, actor.tenantId));
    await recordAudit(tx, actor, {
      action: 'widget.identity_secret_rotated',
      targetType: 'tenant',
      targetId: actor.tenantId,
    });
  });
  return { identitySecret };
}
