import { RateLimiterRes } from '@replyline/db';
import { HttpError } from '../../http';

/** 429 with the seconds to wait, in a sentence the customer can act on. */
export function tooMany(
  message: string,
  retryAfterSeconds: number,
  code = 'rate_limited',
): HttpError {
  return new HttpError(429, message, code, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
}

/** A store refusal becomes a 429; anything else (the database is down) stays an error. */
export function refusedBy(error: unknown, message: string): never {
  if (error instanceof RateLimiterRes) throw tooMany(message, error.msBeforeNext / 1000);
  throw error;
}
