import { createHash } from 'node:crypto';
import { createSharedRateLimiter, RateLimiterRes, type Database } from '@replyline/db';

/** How many sign-in links may be asked for: per address, and per client address (IP). */
export const SIGN_IN_LINK_LIMITS = {
  perAddress: { points: 3, durationSeconds: 10 * 60 },
  perIp: { points: 20, durationSeconds: 60 * 60 },
};

/** Asks whether one more link may be sent; when not, how long until one may. */
export type SignInThrottle = (
  email: string,
  ip: string | null,
) => Promise<{ retryAfterSeconds: number } | null>;

/**
 * Sign-in links counted in the shared Postgres store, so every dashboard process shares one
 * count. Addresses are kept as hashes: the counters table holds no personal data. The answer
 * depends only on how often the address was asked for, never on whether an account exists.
 */
export function createSignInThrottle(
  db: Database,
  limits: typeof SIGN_IN_LINK_LIMITS = SIGN_IN_LINK_LIMITS,
): SignInThrottle {
  const byAddress = createSharedRateLimiter(db, {
    keyPrefix: 'sign-in-email',
    ...limits.perAddress,
  });
  const byIp = createSharedRateLimiter(db, { keyPrefix: 'sign-in-ip', ...limits.perIp });
  return async (email, ip) => {
    try {
      if (ip) await byIp.consume(ip);
      await byAddress.consume(createHash('sha256').update(email).digest('hex'));
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
  };
}
