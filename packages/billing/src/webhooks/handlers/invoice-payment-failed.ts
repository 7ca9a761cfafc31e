import { idOf } from '../sync-subscription';
import { syncSubscriptionEffect } from './sync-from-stripe';
import type { WebhookHandler } from './types';

/** invoice.payment_failed: a charge failed: Stripe moves the subscription to past_due (kept as a grace period) or ends it. */
export const invoicePaymentFailed: WebhookHandler<'invoice.payment_failed'> = async (
  event,
  ctx,
) => {
  const subscription = event.data.object.parent?.subscription_details?.subscription;
  if (!subscription) return null;
  return syncSubscriptionEffect(ctx, idOf(subscription));
};
