import { checkReplyQuota, planById, usageAlertLevel } from '@replyline/billing';
import { schema, withTenant, type Database, type PgBoss, type TenantId } from '@replyline/db';
import { sendEmail } from '@replyline/email';
import { and, eq, sql } from 'drizzle-orm';
import { teamRecipients } from '../team-recipients';

const { events, tenants } = schema;

export interface BillingNoticeDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  /** The dashboard's address, for the link to the billing page. */
  dashboardUrl: string;
}

/**
 * After an AI reply is stored: when it took the workspace across 80% or 100% of its included
 * replies this period, email the owners and admins, once per level and period. The event row
 * written under a per-tenant lock is what makes it once, across processes.
 */
export async function notifyUsageAlert(
  deps: BillingNoticeDeps,
  tenantId: TenantId,
): Promise<80 | 100 | null> {
  const quota = await checkReplyQuota(deps.db, tenantId);
  const level = usageAlertLevel(quota.used - 1, quota.used, quota.included);
  if (!level) return null;
  const period = quota.periodStart.toISOString();
  const plan = planById(quota.plan);
  const claimed = await withTenant(deps.db, tenantId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('usage-alert:' || ${tenantId}))`);
    const [already] = await tx
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.tenantId, tenantId),
          eq(events.type, 'usage_alert'),
          sql`${events.data}->>'period' = ${period}`,
          sql`(${events.data}->>'percent')::int = ${level}`,
        ),
      );
    if (already) return null;
    await tx
      .insert(events)
      .values({ tenantId, type: 'usage_alert', data: { period, percent: level } });
    const [tenant] = await tx
      .select({ name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return { workspaceName: tenant!.name, recipients: await teamRecipients(tx, tenantId) };
  });
  if (!claimed) return null;
  for (const to of claimed.recipients)
    await sendEmail(deps, {
      to,
      template: 'usage-alert',
      props: {
        workspaceName: claimed.workspaceName,
        percent: level,
        used: quota.used,
        included: quota.included,
        planName: plan.name,
        overageUsdPerReply: plan.overageUsdPerReply ?? null,
        billingUrl: new URL('/billing', deps.dashboardUrl).toString(),
      },
      metadata: { tenantId, period },
    });
  return level;
}

/** A subscription payment failed (Stripe's invoice.payment_failed): tell the owners and admins. */
export async function notifyPaymentFailed(
  deps: BillingNoticeDeps,
  tenantId: TenantId,
  invoice: { amountMinor: number; currency: string },
): Promise<number> {
  const { workspaceName, recipients } = await withTenant(deps.db, tenantId, async (tx) => {
    const [tenant] = await tx
      .select({ name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return { workspaceName: tenant!.name, recipients: await teamRecipients(tx, tenantId) };
  });
  for (const to of recipients)
    await sendEmail(deps, {
      to,
      template: 'payment-failed',
      props: {
        workspaceName,
        amountMinor: invoice.amountMinor,
        currency: invoice.currency,
        billingUrl: new URL('/billing', deps.dashboardUrl).toString(),
      },
      metadata: { tenantId },
    });
  return recipients.length;
}
