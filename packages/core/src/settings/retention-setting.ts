import { assertPlanAllows } from '@replyline/billing';
import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import type { AuditActor } from '../request';

const { tenants } = schema;

/** Days conversations are kept; null keeps them until deleted by hand. */
export const ZRetentionDays = z.int().min(1).max(3650).nullable();

export async function getRetentionDays(db: Database, tenantId: TenantId): Promise<number | null> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx.select({ days: tenants.retentionDays }).from(tenants).where(eq(tenants.id, tenantId)),
  );
  return row?.days ?? null;
}

/**
 * Sets how long conversations are kept; the nightly retention run applies it. A Business
 * feature: refused (BillingError) on other plans, whoever calls.
 */
export async function setRetentionDays(
  db: Database,
  actor: AuditActor,
  days: number | null,
): Promise<void> {
  await withTenant(db, actor.tenantId, async (tx) => {
    const [before] = await tx
      .select({ days: tenants.retentionDays, plan: tenants.plan })
      .from(tenants)
      .where(eq(tenants.id, actor.tenantId));
    assertPlanAllows(before!.plan, 'retention');
    await tx.update(tenants).set({ retentionDays: days }).where(eq(tenants.id, actor.tenantId));
    await recordAudit(tx, actor, {
      action: 'retention.updated',
      targetType: 'tenant',
      targetId: actor.tenantId,
      details: { from: before?.days ?? null, to: days },
    });
  });
}
