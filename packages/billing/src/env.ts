import { parseEnv } from '@replyline/db';
import { z } from 'zod';

const prefixed = (prefix: string) =>
  z
    .string()
    .min(8)
    .refine((v) => v.startsWith(prefix), { message: `must start with "${prefix}"` })
    .optional();

/** A Stripe price id (price_…) or the lookup key of one. */
const priceRef = z.string().min(3).optional();

const billingEnvSchema = z
  .object({
    /** sk_live_… or sk_test_…; unset: plans are enforced locally and Stripe is never called. */
    STRIPE_SECRET_KEY: prefixed('sk_'),
    /** The signing secret of the webhook endpoint (whsec_…). */
    STRIPE_WEBHOOK_SECRET: prefixed('whsec_'),
    /** The `event_name` of the Stripe Billing Meter that counts AI replies. */
    STRIPE_METER_EVENT_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be a meter event name (letters, digits, _ . : -)')
      .default('ai_replies'),
    /** Override the plans' price lookup keys (replyline_pro_monthly, …) with ids or other keys. */
    STRIPE_PRICE_PRO: priceRef,
    STRIPE_PRICE_PRO_OVERAGE: priceRef,
    STRIPE_PRICE_BUSINESS: priceRef,
    STRIPE_PRICE_BUSINESS_OVERAGE: priceRef,
    /** Another Stripe API server (stripe-mock, a local stub); unset: Stripe itself. */
    STRIPE_API_BASE: z.url().optional(),
  })
  .refine((env) => !env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET, {
    path: ['STRIPE_WEBHOOK_SECRET'],
    message: 'is required when STRIPE_SECRET_KEY is set (webhooks cannot be verified without it)',
  });

export type BillingEnv = z.infer<typeof billingEnvSchema>;

export function readBillingEnv(source: NodeJS.ProcessEnv = process.env): BillingEnv {
  return parseEnv(billingEnvSchema, source, 'Billing');
}

/** Stripe is live only with both keys; otherwise plans are enforced locally. */
export function billingConfigured(
  env: Pick<BillingEnv, 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET'>,
): env is BillingEnv & { STRIPE_SECRET_KEY: string; STRIPE_WEBHOOK_SECRET: string } {
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET);
}

/** What the billing page says when Stripe is not set up. */
export const BILLING_NOT_CONFIGURED =
  'Billing is not configured: plans are enforced locally and nobody is charged. Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to take payments.';
