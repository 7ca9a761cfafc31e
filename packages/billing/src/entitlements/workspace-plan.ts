import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { BillingError } from '../errors';
import { assertPlanAllows, type PlanFeature, type PlanId } from '../plans';

const { tenants } = schema;

/** The workspace's plan, read inside a transaction already scoped to it. */
export async function workspacePlanIn(tx: TenantDb, tenantId: TenantId): Promise<PlanId> {
  const [row] = await tx
    .select({ plan: tenants.plan })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!row) throw new BillingError('tenant_not_found', 'This workspace does not exist (any more).');
  return row.plan;
}

/** The workspace's plan, as stored now (webhooks keep it in step with Stripe). */
export function getWorkspacePlan(db: Database, tenantId: TenantId): Promise<PlanId> {
  return withTenant(db, tenantId, (tx) => workspacePlanIn(tx, tenantId));
}

/**
 * Throws a BillingError (`feature_not_in_plan`) unless the workspace's plan includes the
 * feature: the server-side gate behind every plan feature (the dashboard's procedures declare
 * theirs in `.meta({ feature })`; sign-in through SSO calls this for 'sso').
 */
export async function assertWorkspaceAllows(
  db: Database,
  tenantId: TenantId,
  feature: PlanFeature,
): Promise<PlanId> {
  const plan = await getWorkspacePlan(db, tenantId);
  assertPlanAllows(plan, feature);
  return plan;
}
