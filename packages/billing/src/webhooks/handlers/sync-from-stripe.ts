import type Stripe from 'stripe';
import { applySubscription, readSubscription } from '../sync-subscription';
import type { WebhookContext, WebhookEffect } from './types';

/**
 * The effect shared by every subscription-related event: apply the subscription's state now.
 * `firstLink` is only for checkout completion (see lockTenantFor in sync-subscription.ts).
 */
export async function syncSubscriptionEffect(
  ctx: WebhookContext,
  subscriptionId: string,
  fromEvent?: Stripe.Subscription,
  firstLink?: string | null,
): Promise<WebhookEffect> {
  const snapshot = await readSubscription(ctx.stripe, subscriptionId, fromEvent);
  return (tx) => applySubscription(tx, snapshot, ctx.prices, firstLink);
}
