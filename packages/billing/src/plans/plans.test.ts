import { describe, expect, it } from 'vitest';
import {
  assertPlanAllows,
  featureLines,
  formatLimit,
  formatOverage,
  formatPrice,
  helpArticleRefusal,
  planAllows,
  planById,
  PLAN_FEATURES,
  PLANS,
  type PlanFeature,
  type PlanId,
} from '.';
import { BillingError } from '../errors';

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

  // The pricing page's promises, plan by plan; the server gates read the same switches.
  const PROMISED: Record<PlanId, PlanFeature[]> = {
    free: [],
    pro: ['customBranding', 'liveHandoff'],
    business: ['customBranding', 'liveHandoff', 'sso', 'auditLog', 'retention', 'prioritySupport'],
  };

  it.each(PLANS.map((p) => p.id))('grants %s exactly its features', (id) => {
    const granted = PLAN_FEATURES.filter((feature) => planAllows(id, feature));
    expect(granted).toEqual(PROMISED[id]);
  });

  it('never takes a feature away on a dearer plan', () => {
    for (const [below, above] of PLANS.slice(0, -1).map((p, i) => [p, PLANS[i + 1]!] as const))
      for (const feature of PLAN_FEATURES)
        if (below.features[feature]) expect(above.features[feature], feature).toBe(true);
  });

  it('caps help articles at 50 on Free only', () => {
    expect(PLANS.map((p) => [p.id, p.helpArticles])).toEqual([
      ['free', 50],
      ['pro', 'unlimited'],
      ['business', 'unlimited'],
    ]);
  });

  it('refuses a missing feature with the plan that has it, as a BillingError', () => {
    expect(() => assertPlanAllows('pro', 'liveHandoff')).not.toThrow();
    const refusal = (() => {
      try {
        assertPlanAllows('free', 'liveHandoff');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(BillingError);
    expect(refusal).toMatchObject({
      code: 'feature_not_in_plan',
      message:
        'Live hand-off is part of the Pro plan; this workspace is on Free. Upgrade in Billing.',
    });
    expect(() => assertPlanAllows('pro', 'auditLog')).toThrow(
      'The audit log is part of the Business plan; this workspace is on Pro. Upgrade in Billing.',
    );
  });

  it('explains the help-article cap with the limit, the count and the way out', () => {
    expect(helpArticleRefusal('free', { has: 48, adding: 5 })).toBe(
      'The Free plan includes up to 50 help articles (FAQ entries and documents together); this workspace has 48, and these 5 would make 53. Add fewer, remove some or upgrade to Pro in Billing.',
    );
    expect(helpArticleRefusal('free', { has: 80, adding: 1 })).toBe(
      'The Free plan includes up to 50 help articles (FAQ entries and documents together), and this workspace has 80. Those stay; to add more, remove some or upgrade to Pro in Billing.',
    );
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

describe('pricing lines', () => {
  it('are made from the config: what every plan has, then what each plan adds', () => {
    expect(featureLines(planById('free'))).toEqual([
      'Embeddable chat widget',
      'Answers with source citations',
      'Email hand-off: tickets when a customer asks for a person',
      'Analytics and answer-quality reports',
      'Up to 50 help articles',
    ]);
    expect(featureLines(planById('pro'))).toEqual([
      'Everything in Free',
      'Unlimited help articles',
      'Your own colours, logo and avatar in the widget',
      'Live hand-off: take over a chat and answer in the widget',
    ]);
    expect(featureLines(planById('business'))).toEqual([
      'Everything in Pro',
      'Single sign-on (OpenID Connect)',
      'Audit log of admin actions',
      'Data retention controls: conversations deleted after the days you choose',
      'Priority support',
    ]);
  });
});
