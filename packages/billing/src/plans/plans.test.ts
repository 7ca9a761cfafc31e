import { describe, expect, it } from 'vitest';
import { formatLimit, formatOverage, formatPrice, planAllows, planById, PLANS } from '.';

describe('plans', () => {
  it('offers Free, Pro and Business, in that order, with prices rising', () => {
    expect(PLANS.map((p) => p.id)).toEqual(['free', 'pro', 'business']);
    const prices = PLANS.map((p) => p.monthlyPriceUsd);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('caps Free hard at its included replies, with one seat and nothing in Stripe', () => {
    expect(planById('free')).toMatchObject({
      hardCap: true,
      overage: false,
      seats: 1,
      monthlyPriceUsd: 0,
      stripe: null,
    });
  });

  it('bills paid plans past their included replies, through prices with lookup keys', () => {
    for (const id of ['pro', 'business'] as const) {
      const plan = planById(id);
      expect(plan.hardCap).toBe(false);
      expect(plan.overage).toBe(true);
      expect(plan.overageUsdPerReply).toBeGreaterThan(0);
      expect(plan.includedReplies).toBeGreaterThan(planById('free').includedReplies);
      expect(plan.stripe?.priceLookupKey).toMatch(/^replyline_/);
      expect(plan.stripe?.overagePriceLookupKey).not.toBe(plan.stripe?.priceLookupKey);
    }
  });

  it('grants capabilities by plan', () => {
    expect(planAllows('free', 'custom_branding')).toBe(false);
    expect(planAllows('pro', 'custom_branding')).toBe(true);
    expect(planAllows('pro', 'sso')).toBe(false);
    expect(planAllows('business', 'sso')).toBe(true);
  });

  it('formats prices and limits for people', () => {
    expect(formatPrice(planById('pro'))).toBe('$49');
    expect(formatOverage(planById('pro'))).toBe('then $0.02 per reply');
    expect(formatOverage(planById('free'))).toBeNull();
    expect(formatLimit(2_000, 'AI reply', 'AI replies')).toBe('2,000 AI replies');
    expect(formatLimit(1, 'team seat')).toBe('1 team seat');
    expect(formatLimit('unlimited', 'team seat')).toBe('Unlimited team seats');
  });
});
