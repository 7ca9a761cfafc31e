import { boolean, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantId } from './columns';
import { tenants } from './tenants';

/**
 * The websites the widget script was loaded on, allowed or not: onboarding's "widget seen on
 * your site" and the editor's warning about sites missing from the allow-list read them.
 */
export const widgetSightings = pgTable(
  'widget_sightings',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    /** scheme://host[:port], as the browser sent it. */
    origin: text().notNull(),
    /** Whether the origin was in the allow-list at the last sighting. */
    allowed: boolean().notNull(),
    firstSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.origin] })],
);
