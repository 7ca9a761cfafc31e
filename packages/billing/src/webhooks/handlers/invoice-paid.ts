import { idOf } from '../sync-subscription';
import { syncSubscriptionEffect } from './sync-from-stripe';
import type { WebhookHandler } from './types';

/** invoice.paid: a renewal was paid: the subscription is active with a new period. */
export const invoicePaid: WebhookHandler<'invoice.paid'> = async (event, ctx) => {
  const subscription = event.data.object.parent?.subscription_details?.subscription;
  if (!subscription) return null;
  return syncSubscriptionEffect(ctx, idOf(subscription));
};
