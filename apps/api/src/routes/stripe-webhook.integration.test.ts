import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ensureStripeCustomer } from '@replyline/billing';
import {
  eventObject,
  newTenant,
  signedWebhook,
  subscriptionObject,
  TEST_WEBHOOK_SECRET,
  useStripeTestbed,
} from '@replyline/billing/testing';
import { schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import type { AppContext } from '../router';
import { createApiServer } from '../server';
import { stripeWebhookRoute, type StripeWebhookOptions } from './stripe-webhook';

const t = useStripeTestbed();

/** The API server with only this route; the route needs nothing of the app but its database. */
async function startApi(options: StripeWebhookOptions | null) {
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const app = { db: t.db, databaseKind: t.kind, logger } as unknown as AppContext;
  const server = createApiServer(app, [stripeWebhookRoute(options)]);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/stripe/webhook`;
  return {
    post: (body: Buffer | string, signature?: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'stripe-signature': signature } : {}),
        },
        body,
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function subscriptionEvent() {
  const tenantId = await newTenant(t.db);
  const customer = await ensureStripeCustomer(t.db, t.stripe, tenantId);
  const subscription = subscriptionObject({ customer, status: 'active', plan: 'pro', tenantId });
  t.stub.subscriptions.set(subscription.id, subscription);
  return { tenantId, event: eventObject('customer.subscription.created', subscription) };
}

const planOf = async (tenantId: string) =>
  (
    await t.db
      .select({ plan: schema.tenants.plan })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, tenantId))
  )[0]?.plan;

interface ErrorBody {
  error: { code: string; message: string };
}

describe('POST /v1/stripe/webhook', () => {
  it('applies a signed event once and acknowledges a redelivery', async () => {
    const api = await startApi({ stripe: t.stripe, webhookSecret: TEST_WEBHOOK_SECRET });
    const { tenantId, event } = await subscriptionEvent();
    const { rawBody, signature } = signedWebhook(event);
    const first = await api.post(rawBody, signature);
    const again = await api.post(rawBody, signature);
    await api.close();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, status: 'applied' });
    expect(await again.json()).toEqual({ received: true, status: 'duplicate' });
    expect(await planOf(tenantId)).toBe('pro');
  });

  it('tells the team once when a subscription payment fails', async () => {
    const told: { tenantId: string; amountMinor: number; currency: string }[] = [];
    const api = await startApi({
      stripe: t.stripe,
      webhookSecret: TEST_WEBHOOK_SECRET,
      onPaymentFailed: async (tenantId, invoice) => void told.push({ tenantId, ...invoice }),
    });
    const { tenantId, event } = await subscriptionEvent();
    const created = signedWebhook(event);
    await api.post(created.rawBody, created.signature);
    const subscription = event.data.object as { id: string; customer: string };
    const failed = eventObject('invoice.payment_failed', {
      id: 'in_failed_1',
      object: 'invoice',
      customer: subscription.customer,
      amount_due: 4900,
      currency: 'usd',
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: subscription.id },
      },
    });
    const { rawBody, signature } = signedWebhook(failed);
    expect((await api.post(rawBody, signature)).status).toBe(200);
    expect((await api.post(rawBody, signature)).status).toBe(200); // redelivered: not told again
    await api.close();
    expect(told).toEqual([{ tenantId, amountMinor: 4900, currency: 'usd' }]);
  });

  it('answers 400 for a forged signature, a tampered body, a stale or a missing signature', async () => {
    const api = await startApi({ stripe: t.stripe, webhookSecret: TEST_WEBHOOK_SECRET });
    const { tenantId, event } = await subscriptionEvent();
    const signed = signedWebhook(event);
    const forged = signedWebhook(event, { secret: 'whsec_someone_else' });
    const stale = signedWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const tampered = signed.rawBody.toString().replace('"active"', '"trialing"');

    const answers = await Promise.all([
      api.post(forged.rawBody, forged.signature),
      api.post(tampered, signed.signature),
      api.post(stale.rawBody, stale.signature),
      api.post(signed.rawBody),
    ]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as ErrorBody[];
    await api.close();
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(bodies.map((b) => b.error.code)).toEqual([
      'invalid_signature',
      'invalid_signature',
      'stale_signature',
      'missing_signature',
    ]);
    expect(bodies[0]!.error.message).toMatch(/does not match/);
    expect(await planOf(tenantId)).toBe('free');
  });

  it('refuses bodies over 1 MB', async () => {
    const api = await startApi({ stripe: t.stripe, webhookSecret: TEST_WEBHOOK_SECRET });
    const res = await api.post(Buffer.alloc(1024 * 1024 + 1, 'a'), 't=1,v1=x');
    await api.close();
    expect(res.status).toBe(413);
  });

  it('says billing is not configured without Stripe keys', async () => {
    const api = await startApi(null);
    const res = await api.post('{}', 't=1,v1=x');
    const body = (await res.json()) as ErrorBody;
    await api.close();
    expect(res.status).toBe(503);
    expect(body.error).toMatchObject({ code: 'billing_not_configured' });
    expect(body.error.message).toMatch(/Billing is not configured/);
  });
});
