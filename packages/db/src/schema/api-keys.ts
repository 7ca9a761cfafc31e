import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tenantId, updatedAt } from './columns';
import { faqEntries } from './knowledge';
import { tenants } from './tenants';

/**
 * A workspace's secret key for the management API (`sk_…`). Only its SHA-256 is kept: the key
 * itself is shown once, when it is made. `scope` 'read' may only read; 'write' may also change.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    name: text().notNull(),
    scope: text().$type<'read' | 'write'>().notNull(),
    secretHash: text().notNull(),
    /** The key's last four characters, so people can tell their keys apart. */
    lastFour: text().notNull(),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('api_keys_secret_key').on(t.tenantId, t.secretHash),
    check('api_keys_scope_check', sql`${t.scope} in ('read', 'write')`),
  ],
);

/** An FAQ entry synced by API, found again by the id the business's own system gave it. */
export const faqExternalIds = pgTable(
  'faq_external_ids',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    externalId: text().notNull(),
    faqEntryId: uuid().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.externalId] }),
    foreignKey({
      name: 'faq_external_ids_entry_fk',
      columns: [t.tenantId, t.faqEntryId],
      foreignColumns: [faqEntries.tenantId, faqEntries.id],
    }).onDelete('cascade'),
    index('faq_external_ids_entry_idx').on(t.tenantId, t.faqEntryId),
  ],
);
