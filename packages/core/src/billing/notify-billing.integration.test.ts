import { randomUUID } from 'node:crypto';
import { schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import { notifyPaymentFailed, notifyUsageAlert, type BillingNoticeDeps } from './notify-billing';

let t: TestDatabase;
let deps: BillingNoticeDeps;

beforeAll(async () => {
  t = await openTestDatabase();
  deps = { db: t.db, queue: { send: async () => randomUUID() }, dashboardUrl: 'http://dash.test' };
}, 60_000);
afterAll(async () => t?.close());

/** AI replies of this period, as the chat engine records them. */
async function replies(tenantId: TenantId, count: number) {
  await withTenant(t.db, tenantId, (tx) =>
    tx.insert(schema.usageRecords).values(
      Array.from({ length: count }, () => ({
        tenantId,
        kind: 'ai_reply' as const,
        quantity: 1,
        idempotencyKey: `reply:${randomUUID()}`,
      })),
    ),
  );
}

async function emailsTo(to: string, template: string) {
  return t.db
    .select({ subject: schema.outboundEmails.subject, text: schema.outboundEmails.text })
    .from(schema.outboundEmails)
    .where(and(eq(schema.outboundEmails.to, to), eq(schema.outboundEmails.template, template)));
}

async function ownerEmail(tenantId: TenantId) {
  const userId = await newMember(t.db, tenantId, 'owner');
  const [user] = await t.db
    .select({ email: schema.users.email })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  return user!.email;
}

describe('billing notices', () => {
  it('emails the team once when replies cross 80% and once at 100% of the free plan', async () => {
    const { tenantId } = await newWorkspace(t.db);
    const owner = await ownerEmail(tenantId);
    const agent = await newMember(t.db, tenantId, 'agent');
    await replies(tenantId, 79);
    expect(await notifyUsageAlert(deps, tenantId)).toBeNull();
    await replies(tenantId, 1);
    expect(await notifyUsageAlert(deps, tenantId)).toBe(80);
    expect(await notifyUsageAlert(deps, tenantId)).toBeNull(); // the same crossing, told once
    await replies(tenantId, 20);
    expect(await notifyUsageAlert(deps, tenantId)).toBe(100);
    const sent = await emailsTo(owner, 'usage-alert');
    expect(sent).toHaveLength(2);
    expect(sent.map((e) => e.text).join('\n')).toContain('http://dash.test/billing');
    const [agentUser] = await t.db
      .select({ email: schema.users.email })
      .from(schema.users)
      .where(eq(schema.users.id, agent));
    expect(await emailsTo(agentUser!.email, 'usage-alert')).toHaveLength(0);
  });

  it('tells the owners and admins that a payment failed, with the amount', async () => {
    const { tenantId } = await newWorkspace(t.db);
    const owner = await ownerEmail(tenantId);
    expect(await notifyPaymentFailed(deps, tenantId, { amountMinor: 4900, currency: 'usd' })).toBe(
      1,
    );
    const [email] = await emailsTo(owner, 'payment-failed');
    expect(email!.text).toMatch(/49\.00/);
  });
});
