import Stripe from 'stripe';
import { WebhookSignatureError } from '../errors';

/** Stripe's own default: a signature older (or newer) than five minutes is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface SignedPayload {
  /** The request body exactly as received: re-serialised JSON would not match the signature. */
  rawBody: Buffer;
  signature: string | undefined;
  secret: string;
  toleranceSeconds?: number;
}

/** The event, once its Stripe-Signature proves Stripe sent this very body recently. */
export function verifyStripeEvent(stripe: Stripe, input: SignedPayload): Stripe.Event {
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (!input.signature)
    throw new WebhookSignatureError(
      'missing_signature',
      'The request has no Stripe-Signature header: only Stripe may call this endpoint.',
    );
  try {
    return stripe.webhooks.constructEvent(input.rawBody, input.signature, input.secret, tolerance);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) {
      throw new WebhookSignatureError(
        'invalid_signature',
        'The signed body is not a Stripe event.',
      );
    }
    if (isStale(input.signature, tolerance))
      throw new WebhookSignatureError(
        'stale_signature',
        `The Stripe-Signature timestamp is more than ${tolerance} seconds from now, so this may be a replayed request; it was refused.`,
      );
    throw new WebhookSignatureError(
      'invalid_signature',
      'The Stripe-Signature header does not match this request body and the webhook secret; the event was refused.',
    );
  }
}

function isStale(header: string, toleranceSeconds: number): boolean {
  const timestamp = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
  return Number.isFinite(timestamp) && Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds;
}
