import {
  asTenantId,
  queryRows,
  schema,
  withTenant,
  type Database,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import { and, asc, eq, gte, isNotNull, isNull, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { silentLogger, type BillingLogger } from '../logger';
import { meterEventIdentifier } from './meter-identifier';

const { tenants, usageRecords } = schema;

/** Stripe accepts meter events up to 35 days old; a margin keeps clock skew from crossing it. */
export const METER_WINDOW_MS = 35 * 24 * 3600 * 1000 - 10 * 60 * 1000;

/** Set on records that waited too long: Stripe would refuse them, so they are never sent. */
export const EXPIRED_REPORT_ERROR =
  "Not reported: older than Stripe's 35-day window for meter events, so it cannot be billed.";

export interface UsageReporterDeps {
  db: Database;
  stripe: Stripe;
  /** The `event_name` of the Stripe meter that counts AI replies. */
  meterEventName: string;
  logger?: BillingLogger;
  /** Records sent per transaction (the rows stay locked while Stripe answers); default 25. */
  batchSize?: number;
  /** Batches per tenant per run, so one busy tenant cannot hold up the others; default 20. */
  maxBatches?: number;
  now?: () => Date;
}

export interface UsageReportSummary {
  tenants: number;
  sent: number;
  failed: number;
  expired: number;
}

/**
 * One pass of the usage outbox: for every tenant with a Stripe customer, send its unreported
 * AI replies as meter events (oldest first) and mark them reported. Safe to run concurrently:
 * records are locked with SKIP LOCKED, and the identifier is the same on every retry.
 */
export async function reportUsageOnce(deps: UsageReporterDeps): Promise<UsageReportSummary> {
  // `tenants` is not tenant-owned (no RLS): the one place a worker may list them.
  const customers = await deps.db
    .select({ id: tenants.id, customerId: tenants.stripeCustomerId })
    .from(tenants)
    .where(isNotNull(tenants.stripeCustomerId))
    .orderBy(asc(tenants.id));
  const summary: UsageReportSummary = { tenants: 0, sent: 0, failed: 0, expired: 0 };
  for (const { id, customerId } of customers) {
    if (!customerId) continue;
    const result = await reportTenantUsage(deps, asTenantId(id), customerId);
    summary.tenants += 1;
    summary.sent += result.sent;
    summary.failed += result.failed;
    summary.expired += result.expired;
  }
  return summary;
}

async function reportTenantUsage(
  deps: UsageReporterDeps,
  tenantId: TenantId,
  customerId: string,
): Promise<Omit<UsageReportSummary, 'tenants'>> {
  const now = deps.now?.() ?? new Date();
  const cutoff = new Date(now.getTime() - METER_WINDOW_MS);
  const batchSize = deps.batchSize ?? 25;
  const log = deps.logger ?? silentLogger;

  const expired = await withTenant(deps.db, tenantId, (tx) => markExpired(tx, tenantId, cutoff));
  if (expired > 0) log.warn({ tenantId, expired }, 'usage records too old to report to Stripe');
  const total = { sent: 0, failed: 0, expired };
  for (let batch = 0; batch < (deps.maxBatches ?? 20); batch++) {
    const result = await withTenant(deps.db, tenantId, (tx) =>
      reportBatch(deps, tx, { tenantId, customerId, cutoff, now, batchSize }),
    );
    total.sent += result.sent;
    total.failed += result.failed;
    if (result.failed > 0 || result.picked < batchSize) break;
  }
  if (total.sent > 0) log.info({ tenantId, sent: total.sent }, 'usage reported to Stripe');
  return total;
}

interface Batch {
  tenantId: TenantId;
  customerId: string;
  cutoff: Date;
  now: Date;
  batchSize: number;
}

/** Sends one batch of the oldest unreported replies; stops at the first failure. */
async function reportBatch(deps: UsageReporterDeps, tx: TenantDb, batch: Batch) {
  // The rows stay locked while Stripe answers: a second reporter skips them instead of sending
  // them too. Stripe allows one concurrent meter call per customer anyway. Every statement names
  // the tenant, not only the scope: on Citus that routes it to the tenant's shard (a lock taken
  // on every shard is refused there).
  const pending = await tx
    .select({
      id: usageRecords.id,
      key: usageRecords.idempotencyKey,
      quantity: usageRecords.quantity,
      occurredAt: usageRecords.occurredAt,
    })
    .from(usageRecords)
    .where(
      and(
        eq(usageRecords.tenantId, batch.tenantId),
        eq(usageRecords.kind, 'ai_reply'),
        isNull(usageRecords.reportedAt),
        gte(usageRecords.occurredAt, batch.cutoff),
      ),
    )
    .orderBy(asc(usageRecords.occurredAt), asc(usageRecords.id))
    .limit(batch.batchSize)
    .for('update', { skipLocked: true });

  let sent = 0;
  for (const record of pending) {
    const identifier = meterEventIdentifier(batch.tenantId, record.key);
    try {
      await sendMeterEvent(deps, batch.customerId, identifier, record, batch.now);
    } catch (error) {
      await tx
        .update(usageRecords)
        .set({
          reportAttempts: sql`${usageRecords.reportAttempts} + 1`,
          reportError: describe(error),
        })
        .where(and(eq(usageRecords.tenantId, batch.tenantId), eq(usageRecords.id, record.id)));
      (deps.logger ?? silentLogger).error(
        { tenantId: batch.tenantId, usageRecordId: record.id, err: error },
        'usage report to Stripe failed',
      );
      // Whatever failed (network, rate limit, customer gone) likely fails the rest too: the
      // next run retries, starting from this record.
      return { picked: pending.length, sent, failed: 1 };
    }
    await tx
      .update(usageRecords)
      .set({ reportedAt: new Date(), reportedIdentifier: identifier, reportError: null })
      .where(and(eq(usageRecords.tenantId, batch.tenantId), eq(usageRecords.id, record.id)));
    sent += 1;
  }
  return { picked: pending.length, sent, failed: 0 };
}

async function sendMeterEvent(
  deps: UsageReporterDeps,
  customerId: string,
  identifier: string,
  record: { quantity: number; occurredAt: Date },
  now: Date,
) {
  try {
    await deps.stripe.billing.meterEvents.create(
      {
        event_name: deps.meterEventName,
        payload: { stripe_customer_id: customerId, value: String(record.quantity) },
        identifier,
        // Never ahead of now: Stripe refuses events more than 5 minutes in the future.
        timestamp: Math.floor(Math.min(record.occurredAt.getTime(), now.getTime()) / 1000),
      },
      { idempotencyKey: `meter-event:${identifier}` },
    );
  } catch (error) {
    // Stripe already has an event with this identifier: it was sent before, and counted once.
    if (isDuplicateIdentifier(error)) return;
    throw error;
  }
}

function isDuplicateIdentifier(error: unknown) {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    /identifier/i.test(error.message) &&
    /already|exists|duplicate/i.test(error.message)
  );
}

async function markExpired(tx: TenantDb, tenantId: TenantId, cutoff: Date): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`update ${usageRecords} set report_error = ${EXPIRED_REPORT_ERROR}
        where tenant_id = ${tenantId} and kind = 'ai_reply' and reported_at is null and occurred_at < ${cutoff.toISOString()}::timestamptz
          and report_error is distinct from ${EXPIRED_REPORT_ERROR}
        returning 1`,
  );
  return rows.length;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}
