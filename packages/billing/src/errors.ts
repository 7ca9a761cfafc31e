/** Why a billing action was refused; `message` is written for the person who will read it. */
export type BillingErrorCode =
  | 'not_configured'
  | 'invalid_plan'
  | 'price_not_found'
  | 'unknown_price'
  | 'no_customer'
  | 'tenant_not_found'
  /** The workspace's plan does not include the feature (upgrade to use it). */
  | 'feature_not_in_plan'
  /** The workspace is at a limit of its plan (help articles, …). */
  | 'plan_limit_reached';

export class BillingError extends Error {
  constructor(
    readonly code: BillingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BillingError';
  }
}

export type WebhookSignatureProblem = 'missing_signature' | 'invalid_signature' | 'stale_signature';

/** A webhook whose Stripe-Signature is missing, does not match its body, or is too old: answer 400. */
export class WebhookSignatureError extends Error {
  constructor(
    readonly code: WebhookSignatureProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}
