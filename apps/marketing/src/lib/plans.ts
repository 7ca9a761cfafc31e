// Single source of truth for the pricing page. Figures are placeholders until billing exists.

export type PlanId = 'free' | 'pro' | 'business';

export interface Plan {
  readonly id: PlanId;
  readonly name: string;
  /** One line under the plan name. */
  readonly summary: string;
  /** Price per workspace per month, in whole US dollars. */
  readonly monthlyPriceUsd: number;
  readonly conversationsPerMonth: number | 'unlimited';
  readonly seats: number | 'unlimited';
  readonly features: readonly string[];
  readonly cta: string;
  /** Shown as the recommended plan. At most one plan should set this. */
  readonly featured?: boolean;
}

export const PLANS: readonly Plan[] = [
  {
    id: 'free',
    name: 'Free',
    summary: 'Try Replyline on a side project or a small help centre.',
    monthlyPriceUsd: 0,
    conversationsPerMonth: 100,
    seats: 1,
    features: [
      'Embeddable chat widget',
      'Answers with source citations',
      'Up to 50 help articles',
      'Email hand-off to one inbox',
    ],
    cta: 'Start for free',
  },
  {
    id: 'pro',
    name: 'Pro',
    summary: 'For growing teams that want the assistant on every page.',
    monthlyPriceUsd: 49,
    conversationsPerMonth: 2_000,
    seats: 5,
    features: [
      'Everything in Free',
      'Your logo, colours and domain',
      'Unlimited help articles',
      'Live hand-off to your agents',
      'Answer-quality reports',
    ],
    cta: 'Start a Pro trial',
    featured: true,
  },
  {
    id: 'business',
    name: 'Business',
    summary: 'For support teams with several brands and stricter rules.',
    monthlyPriceUsd: 249,
    conversationsPerMonth: 'unlimited',
    seats: 'unlimited',
    features: [
      'Everything in Pro',
      'Multiple brands and workspaces',
      'Single sign-on and audit log',
      'Data retention controls',
      'Priority support',
    ],
    cta: 'Talk to us',
  },
];

export function formatPrice(plan: Plan): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(plan.monthlyPriceUsd);
}

export function formatLimit(value: number | 'unlimited', unit: string): string {
  return value === 'unlimited'
    ? `Unlimited ${unit}s`
    : `${value.toLocaleString('en-US')} ${unit}${value === 1 ? '' : 's'}`;
}
