import { describe, expect, it } from 'vitest';
import { billingConfigured, readBillingEnv } from './env';
import { planPricesFromEnv } from './stripe/prices';
import { stripeFromEnv } from './stripe/client';

describe('billing settings', () => {
  it('runs without Stripe by default: plans enforced locally, no client', () => {
    const env = readBillingEnv({});
    expect(env.STRIPE_METER_EVENT_NAME).toBe('ai_replies');
    expect(billingConfigured(env)).toBe(false);
    expect(stripeFromEnv(env)).toBeNull();
  });

  it('is configured with a secret key and a webhook secret', () => {
    const env = readBillingEnv({
      STRIPE_SECRET_KEY: 'sk_test_123456789',
      STRIPE_WEBHOOK_SECRET: 'whsec_123456789',
      STRIPE_PRICE_PRO: 'price_123',
    });
    expect(billingConfigured(env)).toBe(true);
    expect(stripeFromEnv(env)).not.toBeNull();
    expect(planPricesFromEnv(env).pro).toEqual({ price: 'price_123', overage: undefined });
  });

  it('names what is wrong with the keys', () => {
    expect(() => readBillingEnv({ STRIPE_SECRET_KEY: 'pk_test_123456789' })).toThrow(
      /STRIPE_SECRET_KEY: must start with "sk_"/,
    );
    expect(() => readBillingEnv({ STRIPE_SECRET_KEY: 'sk_test_123456789' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: is required when STRIPE_SECRET_KEY is set/,
    );
  });
});
