import { idOf } from '../sync-subscription';
import { syncSubscriptionEffect } from './sync-from-stripe';
import type { WebhookHandler } from './types';

/**
 * checkout.session.completed: the buyer paid; the session names the workspace
 * (client_reference_id) and the new subscription, whose current state is applied.
 */
export const checkoutSessionCompleted: WebhookHandler<'checkout.session.completed'> = async (
  event,
  ctx,
) => {
  const session = event.data.object;
  if (session.mode !== 'subscription' || !session.subscription) return null;
  return syncSubscriptionEffect(
    ctx,
    idOf(session.subscription),
    undefined,
    session.client_reference_id,
  );
};
