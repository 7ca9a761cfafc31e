import { FEATURES, PLAN_FEATURES } from './features';
import { EVERY_PLAN_LINES, formatLimit, PLANS, type Plan } from './plans';

/**
 * A plan's lines on the pricing and billing pages, made from its config so the page cannot
 * promise what the server does not enforce: the first plan lists what every plan has; the
 * others start "Everything in <the plan below>" and list only what they add.
 */
export function featureLines(plan: Plan): string[] {
  const index = PLANS.findIndex((p) => p.id === plan.id);
  const below = index > 0 ? PLANS[index - 1] : undefined;
  const lines = below ? [`Everything in ${below.name}`] : [...EVERY_PLAN_LINES];
  if (!below || below.helpArticles !== plan.helpArticles) lines.push(helpArticlesLine(plan));
  for (const feature of PLAN_FEATURES)
    if (plan.features[feature] && !below?.features[feature]) lines.push(FEATURES[feature].line);
  return lines;
}

/** "Up to 50 help articles", "Unlimited help articles". */
export function helpArticlesLine(plan: Plan): string {
  return plan.helpArticles === 'unlimited'
    ? formatLimit('unlimited', 'help article')
    : `Up to ${formatLimit(plan.helpArticles, 'help article')}`;
}
