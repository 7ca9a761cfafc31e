import { createRoute } from '@hono/zod-openapi';
import {
  handleStripeWebhook,
  WebhookSignatureError,
  type PlanPriceOverrides,
  type Stripe,
} from '@replyline/billing';
import type { TenantId } from '@replyline/db';
import { errorResponse } from '../contract/responses';
import { HttpError, readBody, sendJson } from '../http';
import { documentedRoute, type Route } from '../router';

/** Stripe's events are a few kilobytes; anything near this is not from Stripe. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface StripeWebhookOptions {
  stripe: Stripe;
  webhookSecret: string;
  /** Price ids set instead of lookup keys (`planPricesFromEnv`). */
  prices?: PlanPriceOverrides;
  /** Tells the team a payment failed (email); called once per applied event. */
  onPaymentFailed?: (
    tenantId: TenantId,
    invoice: { amountMinor: number; currency: string },
  ) => Promise<unknown>;
}

/** No body schema: the signature is checked on the raw bytes, before anything parses them. */
const stripeWebhook = createRoute({
  method: 'post',
  path: '/v1/stripe/webhook',
  summary: 'Stripe webhook endpoint (for Stripe only)',
  description:
    'Checked with the Stripe-Signature header on the raw body. Handles checkout.session.completed, customer.subscription.created/updated/deleted, invoice.paid and invoice.payment_failed; each event is applied once.',
  responses: {
    200: { description: 'Received' },
    400: errorResponse('Missing, forged, tampered or stale signature'),
    413: errorResponse('Body over 1 MB'),
    503: errorResponse('Billing is not configured'),
  },
});

/**
 * `POST /v1/stripe/webhook`: verifies the signature on the raw body, applies each event once.
 * 400 for a missing, forged, tampered or stale signature (Stripe does not retry those); any other
 * failure is a 500, so Stripe delivers the event again later. Null options: billing is off.
 */
export function stripeWebhookRoute(options: StripeWebhookOptions | null): Route {
  return documentedRoute(stripeWebhook, {
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
        if (
          result.status === 'applied' &&
          result.type === 'invoice.payment_failed' &&
          result.tenantId
        )
          await options
            .onPaymentFailed?.(result.tenantId, invoiceAmount(rawBody))
            .catch((err: unknown) =>
              log.error({ err }, 'could not tell the team about a failed payment'),
            );
      } catch (error) {
        if (error instanceof WebhookSignatureError)
          throw new HttpError(400, error.message, error.code);
        throw error;
      }
    },
  });
}

/** Amount and currency of the (already verified) invoice event. */
function invoiceAmount(rawBody: Buffer): { amountMinor: number; currency: string } {
  const invoice = (
    JSON.parse(rawBody.toString('utf8')) as {
      data: { object: { amount_due?: number; currency?: string } };
    }
  ).data.object;
  return { amountMinor: invoice.amount_due ?? 0, currency: invoice.currency ?? 'usd' };
}
