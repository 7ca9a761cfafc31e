import { BillingError, type BillingErrorCode } from '@replyline/billing';
import { EmailPropsError } from '@replyline/email';
import { isIngestionError } from '@replyline/rag';
import { TRPCError } from '@trpc/server';

type Code = TRPCError['code'];

const BILLING_CODES: Record<BillingErrorCode, Code> = {
  not_configured: 'PRECONDITION_FAILED',
  invalid_plan: 'BAD_REQUEST',
  price_not_found: 'PRECONDITION_FAILED',
  unknown_price: 'PRECONDITION_FAILED',
  no_customer: 'PRECONDITION_FAILED',
  tenant_not_found: 'NOT_FOUND',
  // 402: the plan, not the person, is what stands in the way; the message says how to upgrade.
  feature_not_in_plan: 'PAYMENT_REQUIRED',
  plan_limit_reached: 'PAYMENT_REQUIRED',
};

/**
 * The domain packages' own errors, whose messages are written for the person using the
 * dashboard, as tRPC errors with the same words; anything else is passed on untouched.
 */
export function asTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (isIngestionError(error)) {
    const code: Code = error.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    return new TRPCError({ code, message: error.message, cause: error });
  }
  if (error instanceof BillingError)
    return new TRPCError({ code: BILLING_CODES[error.code], message: error.message, cause: error });
  if (error instanceof EmailPropsError)
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  return error;
}

/** Runs `work`, turning domain errors into tRPC errors a form can show. */
export async function domainCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asTRPCError(error);
  }
}
