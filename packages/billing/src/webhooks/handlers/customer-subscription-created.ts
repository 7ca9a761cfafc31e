import { syncSubscriptionEffect } from './sync-from-stripe';
import type { WebhookHandler } from './types';

/** customer.subscription.created: the event's copy may be stale; apply Stripe's current state. */
export const customerSubscriptionCreated: WebhookHandler<'customer.subscription.created'> = (
  event,
  ctx,
) => syncSubscriptionEffect(ctx, event.data.object.id, event.data.object);
