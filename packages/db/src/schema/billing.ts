import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns';
import { tenants } from './tenants';

export const usageKind = pgEnum('usage_kind', ['ai_reply', 'embedding_tokens', 'ingested_pages']);

/**
 * The local usage ledger. Each record has a deterministic idempotency key (tenant + message),
 * so reporting it to Stripe twice bills once; `reportedAt` tracks what Stripe has been told.
 */
export const usageRecords = pgTable(
  'usage_records',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    kind: usageKind().notNull(),
    quantity: bigint({ mode: 'number' }).notNull(),
    idempotencyKey: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reportedAt: timestamp({ withTimezone: true }),
    reportAttempts: integer().notNull().default(0),
    reportError: text(),
    /** The meter event identifier Stripe was sent (deterministic: tenant + idempotency key). */
    reportedIdentifier: text(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('usage_records_idempotency_key').on(t.tenantId, t.idempotencyKey),
    index('usage_records_period_idx').on(t.tenantId, t.kind, t.occurredAt),
    // The usage reporter's outbox: only what Stripe has not been told yet, oldest first.
    index('usage_records_unreported_idx')
      .on(t.tenantId, t.kind, t.occurredAt)
      .where(sql`${t.reportedAt} is null`),
  ],
);

/** Stripe webhook events already applied; written in the same transaction as their effect. */
export const processedWebhookEvents = pgTable('processed_webhook_events', {
  eventId: text().primaryKey(),
  type: text().notNull(),
  processedAt: createdAt(),
});
