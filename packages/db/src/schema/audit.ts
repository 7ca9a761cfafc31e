import { index, inet, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns';
import { users } from './auth';
import { tenants } from './tenants';

/** Who did what, when, from where. Append-only for the app role (INSERT and SELECT only). */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    ipAddress: inet(),
    userAgent: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_time_idx').on(t.tenantId, t.createdAt.desc()),
  ],
);
