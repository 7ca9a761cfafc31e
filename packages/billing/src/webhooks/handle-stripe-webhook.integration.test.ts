import { schema, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { ensureStripeCustomer } from '../checkout/ensure-customer';
import { WebhookSignatureError } from '../errors';
import {
  eventObject,
  newTenant,
  signedWebhook,
  subscriptionObject,
  TEST_WEBHOOK_SECRET,
  useStripeTestbed,
  type SubscriptionFixture,
} from '../testing';
import { handleStripeWebhook } from './handle-stripe-webhook';

const t = useStripeTestbed();

const deliver = (event: object, options: { timestamp?: number; secret?: string } = {}) =>
  handleStripeWebhook(t.db, t.stripe, {
    ...signedWebhook(event, options),
    secret: TEST_WEBHOOK_SECRET,
  });

async function billingOf(tenantId: TenantId) {
  const [row] = await t.db
    .select({
      plan: schema.tenants.plan,
      status: schema.tenants.subscriptionStatus,
      subscriptionId: schema.tenants.stripeSubscriptionId,
      customerId: schema.tenants.stripeCustomerId,
      periodEnd: schema.tenants.currentPeriodEnd,
    })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  return row!;
}

/** A workspace with a Stripe customer, and a subscription Stripe holds in the given state. */
async function subscribedTenant(fixture: Partial<SubscriptionFixture> = {}) {
  const tenantId = await newTenant(t.db);
  const customer = await ensureStripeCustomer(t.db, t.stripe, tenantId);
  const subscription = subscriptionObject({
    customer,
    status: 'active',
    plan: 'pro',
    tenantId,
    ...fixture,
  });
  t.stub.subscriptions.set(subscription.id, subscription);
  return { tenantId, customer, subscription };
}

/** Stripe's current copy changes, as when the customer acts in Stripe between two events. */
function stripeNowHas(subscription: Stripe.Subscription, changes: Partial<SubscriptionFixture>) {
  const next = subscriptionObject({
    id: subscription.id,
    customer: subscription.customer as string,
    status: subscription.status,
    plan: 'pro',
    tenantId: subscription.metadata.tenant_id,
    ...changes,
  });
  t.stub.subscriptions.set(subscription.id, next);
  return next;
}

describe('signatures', () => {
  it('refuses a forged signature', async () => {
    const { subscription } = await subscribedTenant();
    const event = eventObject('customer.subscription.created', subscription);
    const forged = handleStripeWebhook(t.db, t.stripe, {
      ...signedWebhook(event, { secret: 'whsec_not_the_real_secret' }),
      secret: TEST_WEBHOOK_SECRET,
    });
    await expect(forged).rejects.toMatchObject({
      name: 'WebhookSignatureError',
      code: 'invalid_signature',
    });
  });

  it('refuses a body changed after signing', async () => {
    const { tenantId, subscription } = await subscribedTenant();
    const signed = signedWebhook(eventObject('customer.subscription.created', subscription));
    const tampered = Buffer.from(signed.rawBody.toString().replace('"pro"', '"business"'));
    expect(tampered.equals(signed.rawBody)).toBe(false);
    const attempt = handleStripeWebhook(t.db, t.stripe, {
      rawBody: tampered,
      signature: signed.signature,
      secret: TEST_WEBHOOK_SECRET,
    });
    await expect(attempt).rejects.toBeInstanceOf(WebhookSignatureError);
    expect((await billingOf(tenantId)).plan).toBe('free');
  });

  it('refuses a correctly signed event whose timestamp is stale', async () => {
    const { subscription } = await subscribedTenant();
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const attempt = deliver(eventObject('customer.subscription.created', subscription), {
      timestamp: tenMinutesAgo,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'stale_signature',
      message: expect.stringContaining('replayed'),
    });
  });

  it('refuses a request without a signature', async () => {
    const attempt = handleStripeWebhook(t.db, t.stripe, {
      rawBody: Buffer.from('{}'),
      signature: undefined,
      secret: TEST_WEBHOOK_SECRET,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'missing_signature' });
  });
});

describe('applying events', () => {
  it('puts a workspace on the plan it bought when checkout completes', async () => {
    const { tenantId, customer, subscription } = await subscribedTenant({ plan: 'business' });
    const session = {
      id: 'cs_test_1',
      object: 'checkout.session',
      mode: 'subscription',
      customer,
      client_reference_id: tenantId,
      subscription: subscription.id,
    };
    const result = await deliver(eventObject('checkout.session.completed', session));
    expect(result).toMatchObject({ status: 'applied', tenantId });
    expect(await billingOf(tenantId)).toMatchObject({
      plan: 'business',
      status: 'active',
      subscriptionId: subscription.id,
      customerId: customer,
    });
  });

  it('applies a replayed event once: the second delivery changes nothing', async () => {
    const { tenantId, subscription } = await subscribedTenant();
    const event = eventObject('customer.subscription.updated', subscription);
    expect(await deliver(event)).toMatchObject({ status: 'applied' });
    expect((await billingOf(tenantId)).plan).toBe('pro');

    // Meanwhile the customer moved to Business; a replay of the old event must not re-sync.
    stripeNowHas(subscription, { plan: 'business' });
    const retrievals = t.stub.requests.filter((r) => r.path.endsWith(subscription.id)).length;
    expect(await deliver(event)).toMatchObject({ status: 'duplicate' });
    expect((await billingOf(tenantId)).plan).toBe('pro');
    expect(t.stub.requests.filter((r) => r.path.endsWith(subscription.id))).toHaveLength(
      retrievals,
    );
  });

  it('applies two concurrent deliveries of one event once', async () => {
    const { subscription } = await subscribedTenant();
    const event = eventObject('customer.subscription.created', subscription);
    const results = await Promise.all([deliver(event), deliver(event)]);
    expect(results.map((r) => r.status).sort()).toEqual(['applied', 'duplicate']);
  });

  it('ends on Free when subscription.deleted arrives before subscription.created', async () => {
    const { tenantId, subscription } = await subscribedTenant();
    const created = eventObject('customer.subscription.created', subscription);
    const canceled = stripeNowHas(subscription, { status: 'canceled' });
    const deleted = eventObject('customer.subscription.deleted', canceled);

    expect(await deliver(deleted)).toMatchObject({ status: 'applied' });
    expect(await deliver(created)).toMatchObject({ status: 'applied' });
    expect(await billingOf(tenantId)).toMatchObject({
      plan: 'free',
      status: 'canceled',
      periodEnd: null,
    });
  });

  it('keeps the paid plan while a payment is retried, and drops it when Stripe gives up', async () => {
    const { tenantId, subscription } = await subscribedTenant();
    await deliver(eventObject('customer.subscription.created', subscription));
    const invoice = (id: string) => ({
      id,
      object: 'invoice',
      customer: subscription.customer,
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: subscription.id },
      },
    });

    stripeNowHas(subscription, { status: 'past_due' });
    expect(await deliver(eventObject('invoice.payment_failed', invoice('in_1')))).toMatchObject({
      status: 'applied',
    });
    expect(await billingOf(tenantId)).toMatchObject({ plan: 'pro', status: 'past_due' });

    stripeNowHas(subscription, { status: 'unpaid' });
    await deliver(eventObject('invoice.payment_failed', invoice('in_2')));
    expect(await billingOf(tenantId)).toMatchObject({ plan: 'free', status: 'unpaid' });

    stripeNowHas(subscription, { status: 'active' });
    await deliver(eventObject('invoice.paid', invoice('in_3')));
    expect(await billingOf(tenantId)).toMatchObject({ plan: 'pro', status: 'active' });
  });

  it('does not let an old subscription ending downgrade a workspace that subscribed again', async () => {
    const { tenantId, customer, subscription: first } = await subscribedTenant();
    await deliver(eventObject('customer.subscription.created', first));
    const second = subscriptionObject({ customer, status: 'active', plan: 'business', tenantId });
    t.stub.subscriptions.set(second.id, second);
    await deliver(eventObject('customer.subscription.created', second));

    const firstCanceled = stripeNowHas(first, { status: 'canceled' });
    await deliver(eventObject('customer.subscription.deleted', firstCanceled));
    expect(await billingOf(tenantId)).toMatchObject({
      plan: 'business',
      subscriptionId: second.id,
    });
  });

  it('acknowledges event types outside the allow-list without touching anything', async () => {
    const result = await deliver(eventObject('charge.refunded', { id: 'ch_1', object: 'charge' }));
    expect(result).toMatchObject({ status: 'ignored', type: 'charge.refunded' });
  });

  it('ignores subscriptions of customers that are not a workspace', async () => {
    const stranger = subscriptionObject({
      customer: 'cus_someone_else',
      status: 'active',
      plan: 'pro',
    });
    t.stub.subscriptions.set(stranger.id, stranger);
    const result = await deliver(eventObject('customer.subscription.created', stranger));
    expect(result.status).toBe('ignored');
  });

  it("never re-plans another workspace named in a subscription's metadata", async () => {
    // Customer X belongs to workspace A; the event's metadata names workspace B.
    const { tenantId: a, customer } = await subscribedTenant();
    const b = await newTenant(t.db);
    const before = await billingOf(b);
    const forged = subscriptionObject({
      customer,
      status: 'active',
      plan: 'business',
      tenantId: b,
    });
    t.stub.subscriptions.set(forged.id, forged);
    const result = await deliver(eventObject('customer.subscription.updated', forged));
    expect(result).toMatchObject({ status: 'applied', tenantId: a });
    expect(await billingOf(b)).toEqual(before);
    expect(await billingOf(a)).toMatchObject({ plan: 'business', customerId: customer });
  });

  it('links by metadata for no one when the customer is unknown, even if the named workspace has no customer', async () => {
    const b = await newTenant(t.db);
    const stranger = subscriptionObject({
      customer: 'cus_not_linked_anywhere',
      status: 'active',
      plan: 'business',
      tenantId: b,
    });
    t.stub.subscriptions.set(stranger.id, stranger);
    expect((await deliver(eventObject('customer.subscription.created', stranger))).status).toBe(
      'ignored',
    );
    expect(await billingOf(b)).toMatchObject({ plan: 'free', customerId: null });
  });

  it('links a workspace without a customer at checkout completion only, and not one that has another customer', async () => {
    const fresh = await newTenant(t.db);
    const first = subscriptionObject({
      customer: `cus_first_${fresh.slice(0, 8)}`,
      status: 'active',
      plan: 'pro',
    });
    t.stub.subscriptions.set(first.id, first);
    const session = (tenant: string, sub: Stripe.Subscription) => ({
      id: `cs_${sub.id}`,
      object: 'checkout.session',
      mode: 'subscription',
      customer: sub.customer,
      client_reference_id: tenant,
      subscription: sub.id,
    });
    expect(
      await deliver(eventObject('checkout.session.completed', session(fresh, first))),
    ).toMatchObject({
      status: 'applied',
      tenantId: fresh,
    });
    expect(await billingOf(fresh)).toMatchObject({ plan: 'pro', customerId: first.customer });

    // A checkout naming a workspace that already has a customer does not take it over.
    const { tenantId: owned, customer } = await subscribedTenant();
    const other = subscriptionObject({
      customer: 'cus_someone_else_2',
      status: 'active',
      plan: 'business',
    });
    t.stub.subscriptions.set(other.id, other);
    expect(
      (await deliver(eventObject('checkout.session.completed', session(owned, other)))).status,
    ).toBe('ignored');
    expect(await billingOf(owned)).toMatchObject({ plan: 'free', customerId: customer });
  });

  it('names the fix when a subscription has prices no plan knows', async () => {
    const { subscription } = await subscribedTenant();
    const odd = structuredClone(subscription) as unknown as {
      items: { data: { price: { id: string; lookup_key: string | null } }[] };
      metadata: Record<string, string>;
    };
    for (const item of odd.items.data) item.price = { id: 'price_unknown', lookup_key: null };
    delete odd.metadata.plan;
    t.stub.subscriptions.set(subscription.id, odd);
    const attempt = deliver(eventObject('customer.subscription.created', odd));
    await expect(attempt).rejects.toMatchObject({
      code: 'unknown_price',
      message: expect.stringContaining('STRIPE_PRICE_PRO'),
    });
  });
});
