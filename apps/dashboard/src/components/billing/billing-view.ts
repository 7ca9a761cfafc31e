import type { AppRouter } from '@replyline/trpc';
import { PLANS, type PlanId } from '@replyline/billing/plans';
import type { inferRouterOutputs } from '@trpc/server';

export type BillingOverview = inferRouterOutputs<AppRouter>['billing']['overview'];

export interface UsageMeter {
  used: number;
  included: number;
  /** Of the included replies, 0–100 (the bar); more than included shows full. */
  percent: number;
  /** Replies past the included ones: billed per reply, or refused on a hard-capped plan. */
  over: number;
  label: string;
  /** 'ok', 'near' (80 % or more) or 'over' (at or past the included replies). */
  level: 'ok' | 'near' | 'over';
}

const count = (n: number) => n.toLocaleString('en-US');

export function usageMeter(usage: { used: number; included: number }): UsageMeter {
  const { used, included } = usage;
  const ratio = included > 0 ? used / included : used > 0 ? 1 : 0;
  return {
    used,
    included,
    percent: Math.min(100, Math.round(ratio * 100)),
    over: Math.max(0, used - included),
    label: `${count(used)} of ${count(included)} AI replies used`,
    level: ratio >= 1 ? 'over' : ratio >= 0.8 ? 'near' : 'ok',
  };
}

/** What a plan card offers, relative to the workspace's plan (PLANS are in price order). */
export function planChange(current: PlanId, target: PlanId): 'current' | 'upgrade' | 'downgrade' {
  const rank = (id: PlanId) => PLANS.findIndex((plan) => plan.id === id);
  if (current === target) return 'current';
  return rank(target) > rank(current) ? 'upgrade' : 'downgrade';
}

/** The sentence under the meter: what happens past the included replies. */
export function overageNote(overview: Pick<BillingOverview, 'plan'>, meter: UsageMeter): string {
  const { plan } = overview;
  if (meter.level !== 'over')
    return plan.hardCap
      ? `At ${count(plan.includedReplies)} replies the assistant stops and offers visitors the contact form instead.`
      : `Replies past ${count(plan.includedReplies)} are billed at $${plan.overageUsdPerReply} each.`;
  if (plan.hardCap)
    return 'The included replies are used up: visitors are offered the contact form until the next period, or upgrade now.';
  return `${count(meter.over)} replies past the included ones, billed at $${plan.overageUsdPerReply} each.`;
}
