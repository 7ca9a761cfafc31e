import Stripe from 'stripe';

/**
 * Ends a subscription at once (a deleted workspace must not be charged again). A subscription
 * Stripe no longer has counts as ended; the idempotency key makes a retried deletion one call.
 */
export async function cancelSubscription(stripe: Stripe, subscriptionId: string): Promise<void> {
  try {
    await stripe.subscriptions.cancel(
      subscriptionId,
      { prorate: false },
      { idempotencyKey: `replyline-cancel:${subscriptionId}` },
    );
  } catch (error) {
    const missing =
      error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404;
    if (!missing) throw error;
  }
}
