import { asDomainError, type DomainErrorCode } from '@replyline/core';
import { TRPCError } from '@trpc/server';

/** The one map from domain codes to tRPC codes (HTTP statuses follow from these). */
export const TRPC_CODE_OF: Record<DomainErrorCode, TRPCError['code']> = {
  bad_input: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  precondition_failed: 'PRECONDITION_FAILED',
  payment_required: 'PAYMENT_REQUIRED',
  too_large: 'PAYLOAD_TOO_LARGE',
  unsupported_media_type: 'UNSUPPORTED_MEDIA_TYPE',
  rate_limited: 'TOO_MANY_REQUESTS',
  unavailable: 'SERVICE_UNAVAILABLE',
};

/**
 * A refusal from the domain (or the packages below it) as the tRPC error a form shows, with
 * the same words; null for anything else, which tRPC answers as an internal error.
 */
export function toTRPCError(error: unknown): TRPCError | null {
  const refusal = asDomainError(error);
  if (!refusal) return null;
  return new TRPCError({
    code: TRPC_CODE_OF[refusal.code],
    message: refusal.message,
    cause: refusal,
  });
}
