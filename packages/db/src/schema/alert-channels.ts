import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';
import { tenants } from './tenants';

export const ALERT_CHANNEL_KINDS = [
  'telegram',
  'slack',
  'whatsapp',
  'twilio_sms',
  'teams',
  'webhook',
] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

/**
 * Where a workspace wants instant alerts and for which events. The settings, tokens included,
 * are one encrypted JSON document (`encryptSecret`); `targetHint` is the harmless part the
 * dashboard shows (a host, a chat id, a phone number's last digits). A channel whose deliveries
 * keep failing is marked 'failing' and its owners are told once.
 */
export const alertChannels = pgTable(
  'alert_channels',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    kind: text().$type<AlertChannelKind>().notNull(),
    name: text().notNull(),
    targetHint: text().notNull(),
    configEncrypted: text().notNull(),
    events: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** For 'reply.overdue': how long a waiting customer may go without an agent's reply. */
    replyOverdueMinutes: integer().notNull().default(15),
    status: text().$type<'active' | 'failing'>().notNull().default('active'),
    consecutiveFailures: integer().notNull().default(0),
    lastError: text(),
    lastFailureAt: timestamp({ withTimezone: true }),
    lastSuccessAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check(
      'alert_channels_kind_check',
      sql`${t.kind} in ('telegram', 'slack', 'whatsapp', 'twilio_sms', 'teams', 'webhook')`,
    ),
    check('alert_channels_overdue_check', sql`${t.replyOverdueMinutes} between 1 and 1440`),
    check('alert_channels_status_check', sql`${t.status} in ('active', 'failing')`),
  ],
);
