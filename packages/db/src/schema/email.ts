import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';

export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'failed', 'outbox']);

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

/**
 * Every email the platform sends. Platform-level (a magic link has no tenant yet), so it
 * carries no tenant_id. With no email provider configured, emails stop here with status
 * 'outbox' and the dashboard shows them: the dev outbox.
 */
export const outboundEmails = pgTable(
  'outbound_emails',
  {
    id: id().primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    template: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    status: emailStatus().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    providerMessageId: text(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Files sent with it (a booking's .ics invitation), content in base64. */
    attachments: jsonb().$type<EmailAttachment[]>().notNull().default([]),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('outbound_emails_time_idx').on(t.createdAt.desc())],
);
