import { queryRows, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { sql } from 'drizzle-orm';
import { planById, type PlanId } from '../plans';

export interface ReplyQuota {
  /** False only on a hard-capped plan at or over its cap: answer with the human form instead. */
  allowed: boolean;
  plan: PlanId;
  used: number;
  included: number;
  hardCap: boolean;
  periodStart: Date;
}

interface QuotaRow {
  plan: PlanId;
  period_start: Date | string;
  used: number | string;
}

/**
 * Whether the tenant may have one more AI reply, checked before every model call. One indexed
 * query: the tenant's plan and period, and the sum of its `ai_reply` records in that period
 * (`usage_records_period_idx`: tenant, kind, occurred_at). The period is the subscription's
 * while it is current, else the calendar month in UTC.
 */
export async function checkReplyQuota(
  db: Database,
  tenantId: TenantId,
  now: Date = new Date(),
): Promise<ReplyQuota> {
  return withTenant(db, tenantId, (tx) => readReplyQuota(tx, tenantId, now));
}

/** `checkReplyQuota` in the caller's tenant transaction (one read with the rest of a turn). */
export async function readReplyQuota(
  tx: TenantDb,
  tenantId: TenantId,
  now: Date = new Date(),
): Promise<ReplyQuota> {
  const at = now.toISOString();
  // The period first, then the sum over it, named by tenant value: Citus refuses a subquery
  // correlated with `tenants` (a reference table there); the CTE is read once on every engine.
  const [row] = await queryRows<QuotaRow>(
    tx,
    sql`with p as (
          select t.plan,
            case when t.current_period_start <= ${at}::timestamptz and t.current_period_end > ${at}::timestamptz
              then t.current_period_start
              else date_trunc('month', ${at}::timestamptz, 'UTC') end as period_start,
            case when t.current_period_start <= ${at}::timestamptz and t.current_period_end > ${at}::timestamptz
              then t.current_period_end
              else date_trunc('month', ${at}::timestamptz, 'UTC') + interval '1 month' end as period_end
          from tenants t where t.id = ${tenantId})
        select p.plan, p.period_start,
          (select coalesce(sum(u.quantity), 0) from usage_records u, p period
            where u.tenant_id = ${tenantId} and u.kind = 'ai_reply'
              and u.occurred_at >= period.period_start and u.occurred_at < period.period_end) as used
        from p`,
  );
  if (!row) throw new Error(`Tenant ${tenantId} does not exist`);
  const plan = planById(row.plan);
  const used = Number(row.used);
  return {
    allowed: !plan.hardCap || used < plan.includedReplies,
    plan: plan.id,
    used,
    included: plan.includedReplies,
    hardCap: plan.hardCap,
    periodStart: new Date(row.period_start),
  };
}
