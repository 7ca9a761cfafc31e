import { randomUUID } from 'node:crypto';
import { schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planById } from '../plans';
import { newTenant } from '../testing';
import { checkReplyQuota } from './check-reply-quota';
import { replyUsageKey } from './usage-keys';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

const NOW = new Date('2031-05-20T12:00:00Z');

async function addReplies(tenantId: TenantId, count: number, at = NOW) {
  await withTenant(t.db, tenantId, (tx) =>
    tx.insert(schema.usageRecords).values(
      Array.from({ length: count }, () => ({
        tenantId,
        kind: 'ai_reply' as const,
        quantity: 1,
        idempotencyKey: replyUsageKey(randomUUID()),
        occurredAt: at,
      })),
    ),
  );
}

async function setPlan(tenantId: TenantId, plan: 'pro' | 'business', start?: Date, end?: Date) {
  await t.db
    .update(schema.tenants)
    .set({ plan, currentPeriodStart: start ?? null, currentPeriodEnd: end ?? null })
    .where(eq(schema.tenants.id, tenantId));
}

describe('checkReplyQuota', () => {
  it('stops a Free workspace at its cap, counting only this calendar month', async () => {
    const tenantId = await newTenant(t.db);
    const cap = planById('free').includedReplies;
    await addReplies(tenantId, 5, new Date('2031-04-30T23:59:59Z'));
    await addReplies(tenantId, cap - 1);

    const below = await checkReplyQuota(t.db, tenantId, NOW);
    expect(below).toEqual({
      allowed: true,
      plan: 'free',
      used: cap - 1,
      included: cap,
      hardCap: true,
      periodStart: new Date('2031-05-01T00:00:00Z'),
    });

    await addReplies(tenantId, 1);
    expect(await checkReplyQuota(t.db, tenantId, NOW)).toMatchObject({ allowed: false, used: cap });
    // Next month starts from zero.
    expect(await checkReplyQuota(t.db, tenantId, new Date('2031-06-01T00:00:00Z'))).toMatchObject({
      allowed: true,
      used: 0,
    });
  });

  it('lets a Pro workspace go past its included replies (billed as overage)', async () => {
    const tenantId = await newTenant(t.db);
    await setPlan(tenantId, 'pro');
    const included = planById('pro').includedReplies;
    await addReplies(tenantId, included + 3);
    expect(await checkReplyQuota(t.db, tenantId, NOW)).toMatchObject({
      allowed: true,
      plan: 'pro',
      used: included + 3,
      included,
      hardCap: false,
    });
  });

  it('counts from the subscription period while it is current', async () => {
    const tenantId = await newTenant(t.db);
    const start = new Date('2031-05-10T08:00:00Z');
    await setPlan(tenantId, 'business', start, new Date('2031-06-10T08:00:00Z'));
    await addReplies(tenantId, 4, new Date('2031-05-09T08:00:00Z'));
    await addReplies(tenantId, 2, new Date('2031-05-11T08:00:00Z'));
    expect(await checkReplyQuota(t.db, tenantId, NOW)).toMatchObject({
      used: 2,
      periodStart: start,
    });
  });

  it("never counts another workspace's replies", async () => {
    const busy = await newTenant(t.db);
    const quiet = await newTenant(t.db);
    await addReplies(busy, 7);
    expect((await checkReplyQuota(t.db, quiet, NOW)).used).toBe(0);
  });
});
