import { formatLimit, PLANS, planById, type PlanId } from './plans';

/**
 * Why adding `adding` help articles to a workspace that has `has` is refused on its plan: the
 * limit, the count and the way out. Over the cap (after a downgrade) nothing is taken away.
 */
export function helpArticleRefusal(id: PlanId, counts: { has: number; adding: number }): string {
  const plan = planById(id);
  const cap = plan.helpArticles;
  if (cap === 'unlimited') return `The ${plan.name} plan has no limit on help articles.`;
  const limit = `The ${plan.name} plan includes up to ${formatLimit(cap, 'help article')} (FAQ entries and documents together)`;
  const upgrade = PLANS.find((p) => p.helpArticles === 'unlimited' || p.helpArticles > cap);
  const wayOut = `remove some${upgrade ? ` or upgrade to ${upgrade.name} in Billing` : ''}`;
  if (counts.has >= cap)
    return `${limit}, and this workspace has ${counts.has}. Those stay; to add more, ${wayOut}.`;
  const these = counts.adding === 1 ? 'this one' : `these ${counts.adding}`;
  return `${limit}; this workspace has ${counts.has}, and ${these} would make ${counts.has + counts.adding}. Add fewer, ${wayOut}.`;
}
