import { BILLING_NOT_CONFIGURED } from '@replyline/billing';
import { useStripeTestbed } from '@replyline/billing/testing';
import { schema, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, callerWith } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';

const DASHBOARD = 'https://app.replyline.test';

const t = useStripeTestbed();

async function workspace(withStripe: boolean) {
  const { tenantId } = await newWorkspace(t.db, 'Fjord Outdoor');
  const ids = {
    owner: await newMember(t.db, tenantId, 'owner'),
    admin: await newMember(t.db, tenantId, 'admin'),
    agent: await newMember(t.db, tenantId, 'agent'),
  };
  const services = withStripe
    ? { stripe: t.stripe, dashboardUrl: DASHBOARD }
    : { dashboardUrl: DASHBOARD };
  const as = (userId: string) => callerWith(t.db, userId, tenantId, services);
  return { tenantId, ids, as };
}

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => ({ code: 'allowed', message: '' }),
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );
}

const emailOf = async (userId: string) =>
  (await t.db.select().from(schema.users).where(eq(schema.users.id, userId)))[0]!.email;

describe('without Stripe keys', () => {
  it('shows the plan and this period’s usage, and says billing is not configured', async () => {
    const { ids, as } = await workspace(false);
    expect(await as(ids.agent).billing.overview()).toMatchObject({
      configured: false,
      notice: BILLING_NOT_CONFIGURED,
      plan: { id: 'free', includedReplies: 100 },
      usage: { used: 0, included: 100, hardCap: true, allowed: true },
      canManage: false,
    });
  });

  it('refuses Checkout and the Portal with a clear reason', async () => {
    const { ids, as } = await workspace(false);
    const refused = await failure(as(ids.owner).billing.checkout({ plan: 'pro' }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toMatch(/^Billing is not configured/);
    expect((await failure(as(ids.owner).billing.portal())).code).toBe('PRECONDITION_FAILED');
  });
});

describe('with Stripe', () => {
  it('sends the owner to Checkout for the chosen plan, returning to the dashboard', async () => {
    const { tenantId, ids, as } = await workspace(true);
    expect(await as(ids.agent).billing.overview()).toMatchObject({
      configured: true,
      notice: null,
    });
    const result = await as(ids.owner).billing.checkout({ plan: 'pro' });
    expect(result).toEqual({
      via: 'checkout',
      url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//),
    });

    const session = t.stub.requests.findLast((r) => r.path === '/v1/checkout/sessions')!;
    expect(session.body).toMatchObject({
      client_reference_id: tenantId,
      success_url: `${DASHBOARD}/billing?checkout={CHECKOUT_SESSION_ID}`,
      cancel_url: `${DASHBOARD}/billing`,
      subscription_data: { metadata: { tenant_id: tenantId, plan: 'pro' } },
    });
    const customer = t.stub.requests.findLast((r) => r.path === '/v1/customers')!;
    expect(customer.body).toMatchObject({ email: await emailOf(ids.owner) });
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'billing.checkout_started',
      actorUserId: ids.owner,
      details: { plan: 'pro' },
    });
  });

  it('sends a workspace that already subscribes to the Portal instead of a second Checkout', async () => {
    const { tenantId, ids, as } = await workspace(true);
    await as(ids.owner).billing.checkout({ plan: 'pro' });
    await subscribe(tenantId);
    const checkouts = t.stub.requests.filter((r) => r.path === '/v1/checkout/sessions').length;
    const result = await as(ids.owner).billing.checkout({ plan: 'business' });
    expect(result.via).toBe('portal');
    expect(t.stub.requests.filter((r) => r.path === '/v1/checkout/sessions').length).toBe(
      checkouts,
    );
    await expect(as(ids.owner).billing.portal()).resolves.toEqual({ url: expect.any(String) });
    expect(
      t.stub.requests.findLast((r) => r.path === '/v1/billing_portal/sessions')!.body,
    ).toMatchObject({
      return_url: `${DASHBOARD}/billing`,
    });
  });

  it('says there is nothing to manage before the first purchase', async () => {
    const { ids, as } = await workspace(true);
    const refused = await failure(as(ids.owner).billing.portal());
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toMatch(/Choose a plan first/);
  });

  it('leaves buying to owners', async () => {
    const { ids, as } = await workspace(true);
    for (const role of ['admin', 'agent'] as const) {
      expect((await failure(as(ids[role]).billing.checkout({ plan: 'pro' }))).code, role).toBe(
        'FORBIDDEN',
      );
      expect((await failure(as(ids[role]).billing.portal())).code, role).toBe('FORBIDDEN');
    }
    expect((await failure(as(ids.owner).billing.checkout({ plan: 'free' as never }))).code).toBe(
      'BAD_REQUEST',
    );
  });
});

/** What the subscription webhook leaves behind. */
async function subscribe(tenantId: TenantId) {
  await t.db
    .update(schema.tenants)
    .set({ plan: 'pro', stripeSubscriptionId: 'sub_test', subscriptionStatus: 'active' })
    .where(eq(schema.tenants.id, tenantId));
}
