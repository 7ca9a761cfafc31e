import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { createdAt, id, tenantId, updatedAt } from './columns';
import { memberships } from './team';
import { tenants } from './tenants';

/**
 * A member's browser that asked for Web Push in one workspace: the push service's endpoint
 * and the keys (RFC 8291) a payload is encrypted with. The membership leads the foreign key,
 * so a member who leaves stops getting pushes; a push service answering 404/410 deletes it.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    userId: uuid().notNull(),
    endpoint: text().notNull(),
    /** The browser's P-256 public key, base64url (uncompressed point). */
    p256dh: text().notNull(),
    /** The 16-byte authentication secret, base64url. */
    auth: text().notNull(),
    /** Also push every new unassigned chat, not only what is assigned to this member. */
    notifyUnassigned: boolean().notNull().default(false),
    /** "Chrome on Android": shown in settings so a member can tell devices apart. */
    deviceLabel: text(),
    lastSuccessAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'push_subscriptions_membership_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [memberships.tenantId, memberships.userId],
    }).onDelete('cascade'),
    uniqueIndex('push_subscriptions_endpoint_key').on(t.tenantId, t.endpoint),
    index('push_subscriptions_user_idx').on(t.tenantId, t.userId),
    check(
      'push_subscriptions_endpoint_check',
      sql`${t.endpoint} like 'https://%' or ${t.endpoint} like 'http://%'`,
    ),
  ],
);
