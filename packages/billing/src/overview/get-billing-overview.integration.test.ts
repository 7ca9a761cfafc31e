import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILLING_NOT_CONFIGURED } from '../env';
import { newTenant } from '../testing';
import { getBillingOverview } from './get-billing-overview';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

describe('getBillingOverview', () => {
  it('says billing is not configured without Stripe keys, and still shows the local plan', async () => {
    const tenantId = await newTenant(t.db);
    const overview = await getBillingOverview(t.db, tenantId, { configured: false });
    expect(overview).toMatchObject({
      configured: false,
      notice: BILLING_NOT_CONFIGURED,
      plan: { id: 'free' },
      subscriptionStatus: null,
      usage: { allowed: true, used: 0, included: 100, hardCap: true },
      canManage: false,
    });
    expect(overview.notice).toMatch(/Billing is not configured/);
  });

  it('has no notice when Stripe is configured', async () => {
    const tenantId = await newTenant(t.db);
    const overview = await getBillingOverview(t.db, tenantId, { configured: true });
    expect(overview).toMatchObject({ configured: true, notice: null, canManage: false });
  });
});
