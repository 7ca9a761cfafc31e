import type Stripe from 'stripe';
import type { BillingEnv } from '../env';
import { BillingError } from '../errors';
import { PLANS, planById, type PlanId } from '../plans';

type PaidPlanId = Exclude<PlanId, 'free'>;

/** A Stripe price id (price_…) or a lookup key, for each paid plan's flat and metered price. */
export type PlanPriceOverrides = Partial<
  Record<PaidPlanId, { price?: string | undefined; overage?: string | undefined }>
>;

export function planPricesFromEnv(env: BillingEnv): PlanPriceOverrides {
  return {
    pro: { price: env.STRIPE_PRICE_PRO, overage: env.STRIPE_PRICE_PRO_OVERAGE },
    business: { price: env.STRIPE_PRICE_BUSINESS, overage: env.STRIPE_PRICE_BUSINESS_OVERAGE },
  };
}

/** The plan's two price references: the override when set, else the plan's lookup key. */
export function planPriceRefs(planId: PlanId, overrides: PlanPriceOverrides = {}) {
  const plan = planById(planId);
  if (!plan.stripe || planId === 'free')
    throw new BillingError(
      'invalid_plan',
      `The ${plan.name} plan is free: there is nothing to buy.`,
    );
  const override = overrides[planId];
  return {
    price: override?.price ?? plan.stripe.priceLookupKey,
    overage: override?.overage ?? plan.stripe.overagePriceLookupKey,
  };
}

const isPriceId = (ref: string) => ref.startsWith('price_');

/** Turns the plan's price references into price ids, looking lookup keys up in one request. */
export async function resolvePlanPrices(
  stripe: Stripe,
  planId: PlanId,
  overrides: PlanPriceOverrides = {},
): Promise<{ price: string; overage: string }> {
  const refs = planPriceRefs(planId, overrides);
  const lookupKeys = [refs.price, refs.overage].filter((ref) => !isPriceId(ref));
  const found = new Map<string, string>();
  if (lookupKeys.length > 0) {
    const prices = await stripe.prices.list({ lookup_keys: lookupKeys, active: true, limit: 10 });
    for (const price of prices.data) if (price.lookup_key) found.set(price.lookup_key, price.id);
  }
  const resolve = (ref: string, env: string) => {
    if (isPriceId(ref)) return ref;
    const id = found.get(ref);
    if (id) return id;
    throw new BillingError(
      'price_not_found',
      `No active Stripe price has the lookup key "${ref}". Create it in Stripe or set ${env} to a price id.`,
    );
  };
  const envName = `STRIPE_PRICE_${planId.toUpperCase()}`;
  return {
    price: resolve(refs.price, envName),
    overage: resolve(refs.overage, `${envName}_OVERAGE`),
  };
}

/** Which plan a subscription's price belongs to, by lookup key or configured id; null if none. */
export function planOfPrice(
  price: Pick<Stripe.Price, 'id' | 'lookup_key'>,
  overrides: PlanPriceOverrides = {},
): PlanId | null {
  for (const plan of PLANS) {
    if (plan.id === 'free') continue;
    const refs = planPriceRefs(plan.id, overrides);
    const keys = [
      refs.price,
      refs.overage,
      plan.stripe?.priceLookupKey,
      plan.stripe?.overagePriceLookupKey,
    ];
    if (keys.includes(price.id) || (price.lookup_key && keys.includes(price.lookup_key)))
      return plan.id;
  }
  return null;
}
