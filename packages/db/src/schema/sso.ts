import { boolean, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';
import { memberRole } from './team';
import { tenants } from './tenants';

/**
 * A workspace's OpenID Connect sign-in (Business plan). Members whose email is in the verified
 * domain sign in through the workspace's identity provider and, with auto-join, become members.
 * Once the domain is verified it is also written to `tenants.sso_domain`, the global routing key
 * that finds the workspace from an email address before any tenant scope exists.
 */
export const ssoConnections = pgTable(
  'sso_connections',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    /** The provider's issuer URL; its discovery document is at /.well-known/openid-configuration. */
    issuer: text().notNull(),
    clientId: text().notNull(),
    /** AES-GCM encrypted with ENCRYPTION_KEY. */
    clientSecretEncrypted: text().notNull(),
    /** Lower-cased email domain whose people this connection signs in, e.g. 'example.com'. */
    emailDomain: text().notNull(),
    /** Published by the workspace as a DNS TXT record to prove it owns the domain. */
    domainVerificationToken: text().notNull(),
    domainVerifiedAt: timestamp({ withTimezone: true }),
    /** Role given to people who join through SSO; null: no auto-join, invitations only. */
    autoJoinRole: memberRole(),
    enabled: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('sso_connections_tenant_key').on(t.tenantId),
  ],
);
