// The plan config and what is made from it; pure (no database, no Stripe), so the marketing
// site can import it.
export {
  assertPlanAllows,
  EVERY_PLAN_LINES,
  featureRefusal,
  formatLimit,
  formatOverage,
  formatPrice,
  isPlanId,
  lowestPlanWith,
  planAllows,
  planById,
  PLAN_IDS,
  PLANS,
  type Plan,
  type PlanId,
} from './plans';
export {
  FEATURES,
  isPlanFeature,
  PLAN_FEATURES,
  type FeatureText,
  type PlanFeature,
  type PlanFeatures,
} from './features';
export { featureLines, helpArticlesLine } from './pricing-lines';
export { helpArticleRefusal } from './help-articles';
