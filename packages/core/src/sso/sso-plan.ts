import { planAllows, planById } from '@replyline/billing';
import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { DomainError } from '../domain-error';
import { eq } from 'drizzle-orm';

/** Refuses unless the workspace's plan includes single sign-on (Business), saying so. */
export async function requireSsoPlan(tx: TenantDb, tenantId: TenantId): Promise<void> {
  const [tenant] = await tx
    .select({ plan: schema.tenants.plan })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  if (tenant && planAllows(tenant.plan, 'sso')) return;
  // 402, as for every plan feature: the plan, not the person, stands in the way.
  throw new DomainError(
    'payment_required',
    `Single sign-on is part of the Business plan; this workspace is on ${planById(tenant?.plan ?? 'free').name}. Upgrade to set it up.`,
  );
}
