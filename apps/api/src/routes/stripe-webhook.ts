import {
  handleStripeWebhook,
  WebhookSignatureError,
  type PlanPriceOverrides,
  type Stripe,
} from '@replyline/billing';
import { HttpError, readBody, sendJson } from '../http';
import type { Route } from '../router';

/** Stripe's events are a few kilobytes; anything near this is not from Stripe. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface StripeWebhookOptions {
  stripe: Stripe;
  webhookSecret: string;
  /** Price ids set instead of lookup keys (`planPricesFromEnv`). */
  prices?: PlanPriceOverrides;
}

/**
 * `POST /v1/stripe/webhook`: verifies the signature on the raw body, applies each event once.
 * 400 for a missing, forged, tampered or stale signature (Stripe does not retry those); any other
 * failure is a 500, so Stripe delivers the event again later. Null options: billing is off.
 */
export function stripeWebhookRoute(options: StripeWebhookOptions | null): Route {
  return {
    method: 'POST',
    path: '/v1/stripe/webhook',
    handle: async ({ req, res, app, log }) => {
      if (!options)
        throw new HttpError(
          503,
          'Billing is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to receive Stripe webhooks.',
          'billing_not_configured',
        );
      const rawBody = await readBody(req, MAX_WEBHOOK_BYTES);
      const signature = req.headers['stripe-signature'];
      try {
        const result = await handleStripeWebhook(app.db, options.stripe, {
          rawBody,
          signature: typeof signature === 'string' ? signature : undefined,
          secret: options.webhookSecret,
          prices: options.prices,
        });
        log.info(
          { stripeEvent: result.eventId, type: result.type, status: result.status },
          'stripe webhook',
        );
        sendJson(res, 200, { received: true, status: result.status });
      } catch (error) {
        if (error instanceof WebhookSignatureError)
          throw new HttpError(400, error.message, error.code);
        throw error;
      }
    },
  };
}
