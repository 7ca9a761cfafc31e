import { sql } from 'drizzle-orm';
import {
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';
import { tenants } from './tenants';

/**
 * An appointment a visitor booked. The event itself is in the business's calendar; this row
 * keeps what cancelling, moving and reminding need. One confirmed booking per start time.
 */
export const bookings = pgTable(
  'bookings',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    /** The chat it was booked in (no foreign key: the booking outlives a deleted chat). */
    conversationId: uuid(),
    customerEmail: text().notNull(),
    customerName: text(),
    summary: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** The business's time zone when booked, for the emails' wording. */
    timezone: text().notNull(),
    status: text().$type<'confirmed' | 'cancelled'>().notNull().default('confirmed'),
    /** The event's address on the CalDAV server; null with a read-only (ICS feed) calendar. */
    calendarObjectUrl: text(),
    /** The queued reminder jobs, cancelled with the booking. */
    reminderJobIds: jsonb().$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('bookings_confirmed_start_key')
      .on(t.tenantId, t.startsAt)
      .where(sql`${t.status} = 'confirmed'`),
    index('bookings_time_idx').on(t.tenantId, t.startsAt),
    check('bookings_status_check', sql`${t.status} in ('confirmed', 'cancelled')`),
    check('bookings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
