import { schema, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newTenant, useStripeTestbed } from '../testing';
import { createCheckoutSession } from './create-checkout-session';
import { createPortalSession } from './create-portal-session';

const t = useStripeTestbed();

const urls = {
  successUrl: 'https://app.replyline.test/billing?checkout={CHECKOUT_SESSION_ID}',
  cancelUrl: 'https://app.replyline.test/billing',
};

const customerOf = async (tenantId: TenantId) =>
  (
    await t.db
      .select({ id: schema.tenants.stripeCustomerId })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, tenantId))
  )[0]?.id;

describe('Checkout', () => {
  it('sells the flat price plus the metered replies price, for the right workspace', async () => {
    const tenantId = await newTenant(t.db);
    const session = await createCheckoutSession(t.db, t.stripe, { tenantId, plan: 'pro', ...urls });
    expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);

    const request = t.stub.requests.findLast((r) => r.path === '/v1/checkout/sessions')!;
    expect(request.body).toMatchObject({
      mode: 'subscription',
      customer: await customerOf(tenantId),
      client_reference_id: tenantId,
      line_items: [
        { price: 'price_replyline_pro_monthly', quantity: '1' },
        { price: 'price_replyline_pro_replies' },
      ],
      subscription_data: { metadata: { tenant_id: tenantId, plan: 'pro' } },
    });
  });

  it('creates one Stripe customer per workspace, however often it checks out', async () => {
    const tenantId = await newTenant(t.db);
    const before = t.stub.requests.filter((r) => r.path === '/v1/customers').length;
    await createCheckoutSession(t.db, t.stripe, { tenantId, plan: 'pro', ...urls });
    await createCheckoutSession(t.db, t.stripe, { tenantId, plan: 'business', ...urls });
    expect(t.stub.requests.filter((r) => r.path === '/v1/customers').length).toBe(before + 1);
  });

  it('uses configured price ids instead of lookup keys', async () => {
    const tenantId = await newTenant(t.db);
    await createCheckoutSession(t.db, t.stripe, {
      tenantId,
      plan: 'business',
      ...urls,
      prices: { business: { price: 'price_custom_flat', overage: 'price_custom_metered' } },
    });
    const request = t.stub.requests.findLast((r) => r.path === '/v1/checkout/sessions')!;
    expect(request.body.line_items).toEqual([
      { price: 'price_custom_flat', quantity: '1' },
      { price: 'price_custom_metered' },
    ]);
  });

  it('says which price is missing when Stripe has no price with the lookup key', async () => {
    const tenantId = await newTenant(t.db);
    const attempt = createCheckoutSession(t.db, t.stripe, {
      tenantId,
      plan: 'pro',
      ...urls,
      prices: { pro: { price: 'no_such_lookup_key' } },
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'price_not_found',
      message: expect.stringContaining('no_such_lookup_key'),
    });
  });

  it('refuses to sell the Free plan', async () => {
    const tenantId = await newTenant(t.db);
    await expect(
      createCheckoutSession(t.db, t.stripe, { tenantId, plan: 'free', ...urls }),
    ).rejects.toMatchObject({ code: 'invalid_plan' });
  });
});

describe('Customer Portal', () => {
  it('opens for a workspace with a Stripe customer', async () => {
    const tenantId = await newTenant(t.db);
    await createCheckoutSession(t.db, t.stripe, { tenantId, plan: 'pro', ...urls });
    const portal = await createPortalSession(t.db, t.stripe, {
      tenantId,
      returnUrl: urls.cancelUrl,
    });
    expect(portal.url).toMatch(/^https:\/\/billing\.stripe\.com\//);
    expect(t.stub.requests.findLast((r) => r.path === '/v1/billing_portal/sessions')!.body).toEqual(
      {
        customer: await customerOf(tenantId),
        return_url: urls.cancelUrl,
      },
    );
  });

  it('explains that a workspace that never subscribed has nothing to manage', async () => {
    const tenantId = await newTenant(t.db);
    await expect(
      createPortalSession(t.db, t.stripe, { tenantId, returnUrl: urls.cancelUrl }),
    ).rejects.toMatchObject({
      code: 'no_customer',
      message: expect.stringContaining('Choose a plan'),
    });
  });
});
