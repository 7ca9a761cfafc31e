import { syncSubscriptionEffect } from './sync-from-stripe';
import type { WebhookHandler } from './types';

/** customer.subscription.updated: the event's copy may be stale; apply Stripe's current state. */
export const customerSubscriptionUpdated: WebhookHandler<'customer.subscription.updated'> = (
  event,
  ctx,
) => syncSubscriptionEffect(ctx, event.data.object.id, event.data.object);
