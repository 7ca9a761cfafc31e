import { randomUUID } from 'node:crypto';
import { openQueue, schema, withTenant, type PgBoss, type TenantId } from '@replyline/db';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStripeCustomer } from '../checkout/ensure-customer';
import { replyUsageKey } from '../quota/usage-keys';
import { newTenant, useStripeTestbed } from '../testing';
import { meterEventIdentifier } from './meter-identifier';
import { EXPIRED_REPORT_ERROR, reportUsageOnce, type UsageReporterDeps } from './report-usage';
import { requestUsageReport, startUsageReporter } from './usage-reporter';

const { usageRecords } = schema;
const DAY = 86_400_000;

const t = useStripeTestbed();
let deps: UsageReporterDeps;
beforeAll(() => {
  deps = { db: t.db, stripe: t.stripe, meterEventName: 'ai_replies' };
});

/** A workspace with a Stripe customer and `count` AI replies, as the chat engine records them. */
async function customerWithReplies(count: number, ageMs = 60_000) {
  const tenantId = await newTenant(t.db);
  const customer = await ensureStripeCustomer(t.db, t.stripe, tenantId);
  const messageIds = await addReplies(tenantId, count, ageMs);
  return { tenantId, customer, messageIds };
}

async function addReplies(tenantId: TenantId, count: number, ageMs = 60_000) {
  const messageIds = Array.from({ length: count }, () => randomUUID());
  await withTenant(t.db, tenantId, (tx) =>
    tx.insert(usageRecords).values(
      messageIds.map((messageId, i) => ({
        tenantId,
        kind: 'ai_reply' as const,
        quantity: 1,
        idempotencyKey: replyUsageKey(messageId),
        occurredAt: new Date(Date.now() - ageMs + i),
      })),
    ),
  );
  return messageIds;
}

const ledger = (tenantId: TenantId) =>
  withTenant(t.db, tenantId, (tx) =>
    tx.select().from(usageRecords).orderBy(asc(usageRecords.occurredAt)),
  );

const billedFor = (customer: string) =>
  t.stub.billedMeterEvents.filter((e) => e.payload.stripe_customer_id === customer);

const meterRequestsFor = (customer: string) =>
  t.stub.requests.filter(
    (r) => r.path === '/v1/billing/meter_events' && r.body.payload?.stripe_customer_id === customer,
  );

describe('the usage reporter', () => {
  it('sends each reply once as a meter event with a deterministic identifier, and marks it reported', async () => {
    const { tenantId, customer, messageIds } = await customerWithReplies(3);
    const summary = await reportUsageOnce(deps);
    expect(summary.sent).toBeGreaterThanOrEqual(3);

    const sent = meterRequestsFor(customer);
    expect(sent.map((r) => r.body.identifier)).toEqual(
      messageIds.map((id) => `${tenantId}:reply:${id}`),
    );
    expect(sent[0]!.body).toMatchObject({
      event_name: 'ai_replies',
      payload: { stripe_customer_id: customer, value: '1' },
    });
    const rows = await ledger(tenantId);
    expect(rows.every((r) => r.reportedAt && r.reportError === null)).toBe(true);
    expect(rows.map((r) => r.reportedIdentifier)).toEqual(sent.map((r) => r.body.identifier));
  });

  it('bills usage once when reported twice', async () => {
    const { tenantId, customer } = await customerWithReplies(2);
    await reportUsageOnce(deps);
    await reportUsageOnce(deps);
    expect(meterRequestsFor(customer)).toHaveLength(2);

    // Even if the ledger lost track (restored backup, crash before commit), Stripe bills once.
    await withTenant(t.db, tenantId, (tx) => tx.update(usageRecords).set({ reportedAt: null }));
    await reportUsageOnce(deps);
    expect(meterRequestsFor(customer)).toHaveLength(4);
    expect(billedFor(customer)).toHaveLength(2);
  });

  it('resends with the same identifier when Stripe took the event but the answer was lost', async () => {
    const { tenantId, customer } = await customerWithReplies(1);
    // Twice: the SDK itself resends once when a connection closes before the answer.
    t.stub.failNext('/v1/billing/meter_events', 2, 'lose-response');
    const first = await reportUsageOnce(deps);
    expect(first.failed).toBe(1);
    const [pending] = await ledger(tenantId);
    expect(pending).toMatchObject({ reportedAt: null, reportAttempts: 1 });
    expect(pending!.reportError).toBeTruthy();

    await reportUsageOnce(deps);
    const [done] = await ledger(tenantId);
    expect(done!.reportedAt).toBeInstanceOf(Date);
    const identifiers = meterRequestsFor(customer).map((r) => r.body.identifier);
    expect(identifiers).toHaveLength(3);
    expect(new Set(identifiers).size).toBe(1);
    expect(billedFor(customer)).toHaveLength(1);
  });

  it('retries a failed send on the next run and stops that tenant for this run', async () => {
    const { tenantId, customer } = await customerWithReplies(3);
    t.stub.failNext('/v1/billing/meter_events', 1, 'error');
    await reportUsageOnce(deps);
    const afterFailure = await ledger(tenantId);
    expect(afterFailure.map((r) => r.reportAttempts)).toEqual([1, 0, 0]);
    expect(afterFailure.every((r) => r.reportedAt === null)).toBe(true);
    expect(afterFailure[0]!.reportError).toContain('Stub failure');

    await reportUsageOnce(deps);
    expect((await ledger(tenantId)).every((r) => r.reportedAt)).toBe(true);
    expect(billedFor(customer)).toHaveLength(3);
  });

  it('refuses 36-day-old usage locally instead of sending what Stripe would reject', async () => {
    const { tenantId, customer } = await customerWithReplies(1, 36 * DAY);
    await addReplies(tenantId, 1);
    const summary = await reportUsageOnce(deps);
    expect(summary.expired).toBeGreaterThanOrEqual(1);

    const [old, recent] = await ledger(tenantId);
    expect(old).toMatchObject({ reportedAt: null, reportError: EXPIRED_REPORT_ERROR });
    expect(recent!.reportedAt).toBeInstanceOf(Date);
    expect(meterRequestsFor(customer)).toHaveLength(1);
    // Marked once, not again on every run.
    expect((await reportUsageOnce(deps)).expired).toBe(0);
  });

  it('leaves the usage of workspaces without a Stripe customer in the ledger', async () => {
    const tenantId = await newTenant(t.db);
    await addReplies(tenantId, 2);
    await reportUsageOnce(deps);
    expect((await ledger(tenantId)).every((r) => r.reportedAt === null && !r.reportError)).toBe(
      true,
    );
  });

  it('sends each record once when two reporters run at the same time', async () => {
    const { customer } = await customerWithReplies(5);
    await Promise.all([reportUsageOnce(deps), reportUsageOnce(deps)]);
    expect(meterRequestsFor(customer)).toHaveLength(5);
  });

  it('works through a backlog in short transactions, one batch after another', async () => {
    const { tenantId, customer } = await customerWithReplies(5);
    await reportUsageOnce({ ...deps, batchSize: 2, maxBatches: 2 });
    expect((await ledger(tenantId)).filter((r) => r.reportedAt)).toHaveLength(4);
    await reportUsageOnce({ ...deps, batchSize: 2 });
    expect(billedFor(customer)).toHaveLength(5);
  });

  it('keeps identifiers within Stripe’s 100 characters for long idempotency keys', () => {
    const tenantId = randomUUID();
    const long = meterEventIdentifier(tenantId, `import:${'x'.repeat(200)}`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toBe(meterEventIdentifier(tenantId, `import:${'x'.repeat(200)}`));
  });
});

describe('the usage reporter worker', () => {
  let boss: PgBoss;
  beforeAll(async () => {
    boss = await openQueue(t.queueTarget, { supervise: false, schedule: false });
    boss.on('error', () => undefined);
  });
  afterAll(async () => boss?.stop({ graceful: true, wait: true, timeout: 20_000 }));

  it('drains the ledger when a report-usage job runs', async () => {
    const { tenantId } = await customerWithReplies(2);
    const worker = await startUsageReporter(boss, deps);
    await requestUsageReport(boss);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(await ledger(tenantId)).every((r) => r.reportedAt))
      await new Promise((r) => setTimeout(r, 200));
    await boss.offWork(worker);
    expect((await ledger(tenantId)).every((r) => r.reportedAt)).toBe(true);
  });
});
