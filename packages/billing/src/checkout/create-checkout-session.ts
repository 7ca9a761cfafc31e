import type { Database, TenantId } from '@replyline/db';
import type Stripe from 'stripe';
import { BillingError } from '../errors';
import { planById, type PlanId } from '../plans';
import { resolvePlanPrices, type PlanPriceOverrides } from '../stripe/prices';
import { ensureStripeCustomer } from './ensure-customer';

export interface CheckoutInput {
  tenantId: TenantId;
  plan: PlanId;
  /** Where Stripe sends the buyer back; `{CHECKOUT_SESSION_ID}` is filled in by Stripe. */
  successUrl: string;
  cancelUrl: string;
  /** Pre-fills the customer's email when the workspace has no Stripe customer yet. */
  email?: string;
  prices?: PlanPriceOverrides;
}

/**
 * A Stripe Checkout page for a paid plan: the flat monthly price plus the metered replies
 * price. The tenant id travels as `client_reference_id` and subscription metadata, so the
 * webhooks find the workspace whichever event arrives first.
 */
export async function createCheckoutSession(
  db: Database,
  stripe: Stripe,
  input: CheckoutInput,
): Promise<{ id: string; url: string }> {
  const plan = planById(input.plan);
  if (!plan.stripe)
    throw new BillingError(
      'invalid_plan',
      `The ${plan.name} plan is free: there is nothing to buy.`,
    );
  const prices = await resolvePlanPrices(stripe, plan.id, input.prices);
  const customer = await ensureStripeCustomer(db, stripe, input.tenantId, input.email);
  const metadata = { tenant_id: input.tenantId, plan: plan.id };
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: input.tenantId,
    line_items: [{ price: prices.price, quantity: 1 }, { price: prices.overage }],
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    metadata,
    subscription_data: { metadata },
    allow_promotion_codes: true,
  });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { id: session.id, url: session.url };
}
