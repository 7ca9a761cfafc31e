import { BillingError, type BillingErrorCode } from '@replyline/billing';
import { EmailPropsError } from '@replyline/email';
import { isIngestionError } from '@replyline/rag';
import { DomainError, isDomainError, type DomainErrorCode } from './domain-error';

const BILLING_CODES: Record<BillingErrorCode, DomainErrorCode> = {
  not_configured: 'precondition_failed',
  invalid_plan: 'bad_input',
  price_not_found: 'precondition_failed',
  unknown_price: 'precondition_failed',
  no_customer: 'precondition_failed',
  tenant_not_found: 'not_found',
  // 402: the plan, not the person, is what stands in the way; the message says how to upgrade.
  feature_not_in_plan: 'payment_required',
  plan_limit_reached: 'payment_required',
};

/**
 * The refusal a person should read, as a DomainError: the domain's own, or one the packages
 * below it throw (billing, ingestion, email props), whose messages are already written for
 * the person using the product. Anything else (a bug, a lost connection) gives null: the
 * transports answer those with a generic 500 and log them.
 */
export function asDomainError(error: unknown): DomainError | null {
  if (isDomainError(error)) return error;
  if (isIngestionError(error)) {
    const code = error.code === 'too_large' ? 'too_large' : 'bad_input';
    return new DomainError(code, error.message, { cause: error });
  }
  if (error instanceof BillingError)
    return new DomainError(BILLING_CODES[error.code], error.message, { cause: error });
  if (error instanceof EmailPropsError)
    return new DomainError('bad_input', error.message, { cause: error });
  return null;
}
