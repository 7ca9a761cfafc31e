export {
  assertPlanAllows,
  featureLines,
  featureRefusal,
  FEATURES,
  formatLimit,
  formatOverage,
  formatPrice,
  helpArticleRefusal,
  isPlanFeature,
  isPlanId,
  lowestPlanWith,
  planAllows,
  planById,
  PLAN_FEATURES,
  PLAN_IDS,
  PLANS,
  type Plan,
  type PlanFeature,
  type PlanFeatures,
  type PlanId,
} from './plans';
export {
  assertWorkspaceAllows,
  getWorkspacePlan,
  workspacePlanIn,
} from './entitlements/workspace-plan';
export { BILLING_NOT_CONFIGURED, billingConfigured, readBillingEnv, type BillingEnv } from './env';
export {
  BillingError,
  WebhookSignatureError,
  type BillingErrorCode,
  type WebhookSignatureProblem,
} from './errors';
export type { BillingLogger } from './logger';
export { checkReplyQuota, readReplyQuota, type ReplyQuota } from './quota/check-reply-quota';
export { getBillingOverview, type BillingOverview } from './overview/get-billing-overview';
export { usageAlertLevel, type UsageAlertLevel } from './quota/usage-alert';
export { replyUsageKey } from './quota/usage-keys';
export {
  createStripeClient,
  stripeFromEnv,
  type Stripe,
  type StripeClientOptions,
} from './stripe/client';
export { planPricesFromEnv, resolvePlanPrices, type PlanPriceOverrides } from './stripe/prices';
export { createCheckoutSession, type CheckoutInput } from './checkout/create-checkout-session';
export { cancelSubscription } from './checkout/cancel-subscription';
export { createPortalSession } from './checkout/create-portal-session';
export { ensureStripeCustomer } from './checkout/ensure-customer';
export { meterEventIdentifier } from './usage/meter-identifier';
export {
  EXPIRED_REPORT_ERROR,
  reportUsageOnce,
  type UsageReporterDeps,
  type UsageReportSummary,
} from './usage/report-usage';
export {
  requestUsageReport,
  startUsageReporter,
  type UsageReporterOptions,
} from './usage/usage-reporter';
export {
  handleStripeWebhook,
  type WebhookInput,
  type WebhookResult,
} from './webhooks/handle-stripe-webhook';
export { HANDLED_EVENT_TYPES } from './webhooks/handlers';
export { SIGNATURE_TOLERANCE_SECONDS } from './webhooks/verify-event';
