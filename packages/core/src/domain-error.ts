/**
 * Every refusal the domain can give, in one list. Transports map a code to their own
 * vocabulary in one place each (tRPC codes in @replyline/trpc, HTTP statuses in apps/api);
 * the message is written for the person who will read it and passes through unchanged.
 */
export const DOMAIN_ERROR_CODES = [
  'bad_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'payment_required',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** The one map from domain codes to HTTP statuses (the tRPC map sits beside the routers). */
export const HTTP_STATUS_OF: Record<DomainErrorCode, number> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payment_required: 402,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};
