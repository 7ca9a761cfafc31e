import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, tenantId } from './columns';
import { tickets } from './conversations';
import { tenants } from './tenants';

/**
 * A file a customer attached to an email reply, kept with its ticket (bytes in the database,
 * like an uploaded document's original). Deleting the ticket deletes its files.
 */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    ticketId: uuid().notNull(),
    /** The history entry of the reply that carried the file. */
    eventId: uuid(),
    filename: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    bytes: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'ticket_attachments_ticket_fk',
      columns: [t.tenantId, t.ticketId],
      foreignColumns: [tickets.tenantId, tickets.id],
    }).onDelete('cascade'),
    index('ticket_attachments_ticket_idx').on(t.tenantId, t.ticketId),
    check('ticket_attachments_size_check', sql`${t.sizeBytes} = octet_length(${t.bytes})`),
  ],
);
