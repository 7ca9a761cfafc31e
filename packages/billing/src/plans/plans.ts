// The one typed plan config: the pricing page, quotas, Checkout and webhooks all read it.
// Pure data and formatting only (no database, no Stripe), so the marketing site can import it.

import { BillingError } from '../errors';
import { FEATURES, type PlanFeature, type PlanFeatures } from './features';

export type PlanId = 'free' | 'pro' | 'business';

export interface Plan {
  readonly id: PlanId;
  readonly name: string;
  /** One line under the plan name. */
  readonly summary: string;
  /** Price per workspace per month, in whole US dollars. */
  readonly monthlyPriceUsd: number;
  /** AI replies included in each billing period (calendar month on Free). */
  readonly includedReplies: number;
  /** True: replies stop at `includedReplies` (the widget offers the human form instead). */
  readonly hardCap: boolean;
  /** True: replies past `includedReplies` keep working and are billed per reply. */
  readonly overage: boolean;
  /** Price of one reply past the included ones, in US dollars; null without overage. */
  readonly overageUsdPerReply: number | null;
  readonly seats: number | 'unlimited';
  /**
   * Help articles: every item in the knowledge base, each FAQ entry and each document (PDF,
   * text, Markdown) counting one. Over the cap (after a downgrade) all stay; no new ones.
   */
  readonly helpArticles: number | 'unlimited';
  /** What the plan unlocks; the server checks these and the pricing page lists them. */
  readonly features: PlanFeatures;
  readonly cta: string;
  /** Shown as the recommended plan. At most one plan sets this. */
  readonly featured?: boolean;
  /**
   * Lookup keys of the plan's Stripe prices: the flat monthly price, and the metered price tied
   * to the AI-replies meter. Every reply is reported; the metered price is graduated in Stripe
   * (the first `includedReplies` at 0, then `overageUsdPerReply`). Null on Free: never in Stripe.
   */
  readonly stripe: {
    readonly priceLookupKey: string;
    readonly overagePriceLookupKey: string;
  } | null;
}

/** What every plan has; listed once, on the first plan (the others say "Everything in …"). */
export const EVERY_PLAN_LINES: readonly string[] = [
  'Embeddable chat widget',
  'Answers with source citations',
  'Email hand-off: tickets when a customer asks for a person',
  'Analytics and answer-quality reports',
];

export const PLANS: readonly Plan[] = [
  {
    id: 'free',
    name: 'Free',
    summary: 'Try Replyline on a side project or a small help centre.',
    monthlyPriceUsd: 0,
    includedReplies: 100,
    hardCap: true,
    overage: false,
    overageUsdPerReply: null,
    seats: 1,
    helpArticles: 50,
    features: {
      customBranding: false,
      liveHandoff: false,
      sso: false,
      auditLog: false,
      retention: false,
      prioritySupport: false,
    },
    cta: 'Start for free',
    stripe: null,
  },
  {
    id: 'pro',
    name: 'Pro',
    summary: 'For growing teams that want the assistant on every page.',
    monthlyPriceUsd: 49,
    includedReplies: 2_000,
    hardCap: false,
    overage: true,
    overageUsdPerReply: 0.02,
    seats: 5,
    helpArticles: 'unlimited',
    features: {
      customBranding: true,
      liveHandoff: true,
      sso: false,
      auditLog: false,
      retention: false,
      prioritySupport: false,
    },
    cta: 'Start with Pro',
    featured: true,
    stripe: {
      priceLookupKey: 'replyline_pro_monthly',
      overagePriceLookupKey: 'replyline_pro_replies',
    },
  },
  {
    id: 'business',
    name: 'Business',
    summary: 'For support teams with stricter rules on access and data.',
    monthlyPriceUsd: 249,
    includedReplies: 15_000,
    hardCap: false,
    overage: true,
    overageUsdPerReply: 0.015,
    seats: 'unlimited',
    helpArticles: 'unlimited',
    features: {
      customBranding: true,
      liveHandoff: true,
      sso: true,
      auditLog: true,
      retention: true,
      prioritySupport: true,
    },
    cta: 'Talk to us',
    stripe: {
      priceLookupKey: 'replyline_business_monthly',
      overagePriceLookupKey: 'replyline_business_replies',
    },
  },
];

export const PLAN_IDS = PLANS.map((plan) => plan.id) as readonly PlanId[];

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value);
}

export function planById(id: PlanId): Plan {
  const plan = PLANS.find((p) => p.id === id);
  if (!plan) throw new Error(`Unknown plan "${String(id)}"`);
  return plan;
}

/** Does the plan include the feature? The one check behind every plan gate. */
export function planAllows(id: PlanId, feature: PlanFeature): boolean {
  return planById(id).features[feature];
}

/** The cheapest plan with the feature: the one an upgrade hint names. */
export function lowestPlanWith(feature: PlanFeature): Plan {
  const plan = PLANS.find((p) => p.features[feature]);
  if (!plan) throw new Error(`No plan includes "${feature}"`);
  return plan;
}

/** "Live hand-off is part of the Pro plan; this workspace is on Free. Upgrade in Billing." */
export function featureRefusal(id: PlanId, feature: PlanFeature): string {
  return `${FEATURES[feature].name} is part of the ${lowestPlanWith(feature).name} plan; this workspace is on ${planById(id).name}. Upgrade in Billing.`;
}

/** Throws a BillingError (`feature_not_in_plan`, message for a person) unless the plan has it. */
export function assertPlanAllows(id: PlanId, feature: PlanFeature): void {
  if (!planAllows(id, feature))
    throw new BillingError('feature_not_in_plan', featureRefusal(id, feature));
}

const usd = (maximumFractionDigits: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits });

/** "$49" */
export function formatPrice(plan: Plan): string {
  return usd(0).format(plan.monthlyPriceUsd);
}

/** "then $0.02 per reply", or null for a hard-capped plan. */
export function formatOverage(plan: Plan): string | null {
  if (!plan.overage || plan.overageUsdPerReply === null) return null;
  return `then ${usd(3).format(plan.overageUsdPerReply)} per reply`;
}

/** "2,000 AI replies", "1 team seat", "Unlimited team seats". */
export function formatLimit(
  value: number | 'unlimited',
  unit: string,
  plural = `${unit}s`,
): string {
  if (value === 'unlimited') return `Unlimited ${plural}`;
  return `${value.toLocaleString('en-US')} ${value === 1 ? unit : plural}`;
}
