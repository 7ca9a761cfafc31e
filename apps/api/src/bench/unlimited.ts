import type { LimitSettings } from '../public/limits';
import type { QuotaCheck } from '../public/public-api';

const UNLIMITED = 1_000_000;

/**
 * The budgets a bench's API runs with: every chat of the load is served, so the bench measures
 * serving, not the limits' and the quota's refusals (their cost per request stays in).
 */
export const UNLIMITED_LIMITS: Partial<LimitSettings> = {
  visitorMessagesPerMinute: UNLIMITED,
  ipMessagesPerMinute: UNLIMITED,
  tenantMessagesPerMinute: UNLIMITED,
  ipStartsPerMinute: UNLIMITED,
  ipStartsPerHour: UNLIMITED,
  ipRepliesPerMinute: UNLIMITED,
  ipRepliesPerHour: UNLIMITED,
  anonymousDailySharePercent: 100,
  streamsPerTenant: UNLIMITED,
};

/** A plan with room for every chat. */
export const unlimitedQuota = async (): Promise<QuotaCheck> => ({
  allowed: true,
  used: 0,
  included: UNLIMITED,
});
