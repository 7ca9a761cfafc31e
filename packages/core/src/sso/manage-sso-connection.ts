import { schema, withTenant, type Database } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { notFound } from '../request';
import type { Actor } from '../services';
import { requireSsoPlan } from './sso-plan';

const { ssoConnections, tenants } = schema;

/**
 * Switches SSO sign-in on or off without losing the settings. Off, the domain's people sign in
 * with email links again; the domain stays verified (and reserved) for this workspace.
 */
export async function setSsoEnabled(db: Database, actor: Actor, enabled: boolean): Promise<void> {
  await withTenant(db, actor.tenantId, async (tx) => {
    if (enabled) await requireSsoPlan(tx, actor.tenantId);
    const [updated] = await tx
      .update(ssoConnections)
      .set({ enabled, updatedAt: new Date() })
      .where(eq(ssoConnections.tenantId, actor.tenantId))
      .returning({ id: ssoConnections.id });
    if (!updated) throw notFound('single sign-on connection');
    await recordAudit(tx, actor, {
      action: enabled ? 'sso.connection_enabled' : 'sso.connection_disabled',
      targetType: 'sso_connection',
      targetId: actor.tenantId,
    });
  });
}

/** Removes the connection and frees the domain (another workspace may then verify it). */
export async function deleteSsoConnection(db: Database, actor: Actor): Promise<void> {
  await withTenant(db, actor.tenantId, async (tx) => {
    const [deleted] = await tx
      .delete(ssoConnections)
      .where(eq(ssoConnections.tenantId, actor.tenantId))
      .returning({ emailDomain: ssoConnections.emailDomain });
    if (!deleted) throw notFound('single sign-on connection');
    await tx.update(tenants).set({ ssoDomain: null }).where(eq(tenants.id, actor.tenantId));
    await recordAudit(tx, actor, {
      action: 'sso.connection_deleted',
      targetType: 'sso_connection',
      targetId: actor.tenantId,
      details: { emailDomain: deleted.emailDomain },
    });
  });
}
