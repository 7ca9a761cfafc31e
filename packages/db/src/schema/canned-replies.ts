import { sql } from 'drizzle-orm';
import { pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tenantId, updatedAt } from './columns';
import { tenants } from './tenants';

/** Saved snippets an agent inserts into a reply with "/" and the shortcut. */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    /** What the agent types after "/", e.g. "refund"; one per workspace, any case. */
    shortcut: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('canned_replies_shortcut_key').on(t.tenantId, sql`lower(${t.shortcut})`),
  ],
);
