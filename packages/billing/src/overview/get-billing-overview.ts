import { schema, type Database, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { BILLING_NOT_CONFIGURED } from '../env';
import { planById, type Plan } from '../plans';
import { checkReplyQuota, type ReplyQuota } from '../quota/check-reply-quota';

export interface BillingOverview {
  /** False: no Stripe keys; plans are enforced locally and `notice` says so. */
  configured: boolean;
  notice: string | null;
  plan: Plan;
  /** Stripe's subscription status (active, past_due, canceled, …); null if never subscribed. */
  subscriptionStatus: string | null;
  periodEnd: Date | null;
  usage: ReplyQuota;
  /** The Customer Portal can open: the workspace has a Stripe customer. */
  canManage: boolean;
}

/** What the dashboard's billing page shows: plan, status, this period's replies, and whether Stripe is on. */
export async function getBillingOverview(
  db: Database,
  tenantId: TenantId,
  options: { configured: boolean },
  now: Date = new Date(),
): Promise<BillingOverview> {
  const { tenants } = schema;
  const [tenant] = await db
    .select({
      status: tenants.subscriptionStatus,
      periodEnd: tenants.currentPeriodEnd,
      customerId: tenants.stripeCustomerId,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const usage = await checkReplyQuota(db, tenantId, now);
  return {
    configured: options.configured,
    notice: options.configured ? null : BILLING_NOT_CONFIGURED,
    plan: planById(usage.plan),
    subscriptionStatus: tenant?.status ?? null,
    periodEnd: tenant?.periodEnd && tenant.periodEnd > now ? tenant.periodEnd : null,
    usage,
    canManage: options.configured && Boolean(tenant?.customerId),
  };
}
