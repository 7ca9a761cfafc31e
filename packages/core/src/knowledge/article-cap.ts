import { BillingError, helpArticleRefusal, planById } from '@replyline/billing';
import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';

const { documents, tenants } = schema;

/**
 * The plan's help-article cap, for ingestion's `beforeCommit`: it runs after the new rows are
 * written, in their transaction, so it counts them and a refusal takes them all back (an
 * import stays all or nothing). What counts: every document in the knowledge base, since each
 * FAQ entry is stored as one and each PDF, text or Markdown document is one, failed ones
 * included (they are listed, and deleting them frees the place). Over the cap after a
 * downgrade nothing is removed; only new articles are refused.
 */
export function helpArticleCap(tenantId: TenantId) {
  return async (tx: TenantDb, added: number): Promise<void> => {
    if (added === 0) return;
    // Locks the workspace row (NO KEY UPDATE: the new rows' foreign keys hold KEY SHARE on it),
    // so two imports at once count one after the other and cannot both slip under the cap.
    const [tenant] = await tx
      .select({ plan: tenants.plan })
      .from(tenants)
      .where(eq(tenants.id, tenantId))
      .for('no key update');
    const plan = planById(tenant!.plan);
    if (plan.helpArticles === 'unlimited') return;
    const total = await tx.$count(documents, eq(documents.tenantId, tenantId));
    if (total > plan.helpArticles)
      throw new BillingError(
        'plan_limit_reached',
        helpArticleRefusal(plan.id, { has: total - added, adding: added }),
      );
  };
}
