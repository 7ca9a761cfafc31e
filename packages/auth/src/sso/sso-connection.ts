import { planAllows } from '@replyline/billing';
import {
  asTenantId,
  decryptSecret,
  schema,
  withTenant,
  type Database,
  type TenantId,
} from '@replyline/db';
import { eq } from 'drizzle-orm';
import { emailDomainOf } from './email-address';

const { ssoConnections, tenants } = schema;

export type SsoRole = 'owner' | 'admin' | 'agent';

/** A workspace's identity provider, ready to sign people in (the secret decrypted). */
export interface SsoConnection {
  tenantId: TenantId;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The verified domain; only addresses in it may sign in through this connection. */
  emailDomain: string;
  /** Role given on first sign-in; null: only members and invited people get in. */
  autoJoinRole: SsoRole | null;
}

/**
 * The workspace's connection when it may sign people in: saved, enabled, its domain verified and
 * still the workspace's routing domain, and the plan includes SSO (a downgrade switches it off
 * without touching the settings). Null otherwise.
 */
export async function loadSsoConnection(
  db: Database,
  tenantId: TenantId,
): Promise<SsoConnection | null> {
  const row = await withTenant(db, tenantId, async (tx) => {
    const [found] = await tx
      .select({
        plan: tenants.plan,
        ssoDomain: tenants.ssoDomain,
        issuer: ssoConnections.issuer,
        clientId: ssoConnections.clientId,
        clientSecretEncrypted: ssoConnections.clientSecretEncrypted,
        emailDomain: ssoConnections.emailDomain,
        verifiedAt: ssoConnections.domainVerifiedAt,
        autoJoinRole: ssoConnections.autoJoinRole,
        enabled: ssoConnections.enabled,
      })
      .from(ssoConnections)
      .innerJoin(tenants, eq(tenants.id, ssoConnections.tenantId))
      .where(eq(ssoConnections.tenantId, tenantId));
    return found;
  });
  if (!row?.enabled || !row.verifiedAt || row.ssoDomain !== row.emailDomain) return null;
  if (!planAllows(row.plan, 'sso')) return null;
  return {
    tenantId,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: decryptSecret(row.clientSecretEncrypted),
    emailDomain: row.emailDomain,
    autoJoinRole: row.autoJoinRole,
  };
}

/**
 * The usable connection whose verified domain is this address's, found through the global
 * routing key `tenants.sso_domain` (there is no tenant scope yet when someone types an email).
 */
export async function findSsoConnectionForEmail(
  db: Database,
  email: string,
): Promise<SsoConnection | null> {
  const domain = emailDomainOf(email);
  if (!domain) return null;
  const [tenant] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.ssoDomain, domain))
    .limit(1);
  return tenant ? loadSsoConnection(db, asTenantId(tenant.id)) : null;
}
