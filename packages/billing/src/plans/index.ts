// The one typed plan config: the pricing page, quotas, Checkout and webhooks all read it.
// Pure data and formatting only (no database, no Stripe), so the marketing site can import it.

export type PlanId = 'free' | 'pro' | 'business';

/** What a plan unlocks beyond its limits; code checks these, the pricing page shows `features`. */
export type PlanCapability =
  | 'custom_branding'
  | 'live_handoff'
  | 'quality_reports'
  | 'multiple_brands'
  | 'sso'
  | 'audit_log'
  | 'retention_controls';

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
  readonly capabilities: readonly PlanCapability[];
  /** Shown on the pricing page. */
  readonly features: readonly string[];
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
    capabilities: [],
    features: [
      'Embeddable chat widget',
      'Answers with source citations',
      'Up to 50 help articles',
      'Email hand-off to one inbox',
    ],
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
    capabilities: ['custom_branding', 'live_handoff', 'quality_reports'],
    features: [
      'Everything in Free',
      'Your logo, colours and domain',
      'Unlimited help articles',
      'Live hand-off to your agents',
      'Answer-quality reports',
    ],
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
    summary: 'For support teams with several brands and stricter rules.',
    monthlyPriceUsd: 249,
    includedReplies: 15_000,
    hardCap: false,
    overage: true,
    overageUsdPerReply: 0.015,
    seats: 'unlimited',
    capabilities: [
      'custom_branding',
      'live_handoff',
      'quality_reports',
      'multiple_brands',
      'sso',
      'audit_log',
      'retention_controls',
    ],
    features: [
      'Everything in Pro',
      'Multiple brands and workspaces',
      'Single sign-on and audit log',
      'Data retention controls',
      'Priority support',
    ],
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

export function planAllows(id: PlanId, capability: PlanCapability): boolean {
  return planById(id).capabilities.includes(capability);
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
