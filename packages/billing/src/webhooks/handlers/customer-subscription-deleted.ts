import { syncSubscriptionEffect } from './sync-from-stripe';
import type { WebhookHandler } from './types';

/** customer.subscription.deleted: re-read too (it may overtake `created`); canceled means Free. */
export const customerSubscriptionDeleted: WebhookHandler<'customer.subscription.deleted'> = (
  event,
  ctx,
) => syncSubscriptionEffect(ctx, event.data.object.id, event.data.object);
