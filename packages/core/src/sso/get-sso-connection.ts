import { planAllows } from '@replyline/billing';
import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { verificationRecord } from './sso-schema';

const { ssoConnections, tenants } = schema;

/**
 * What the SSO settings page shows. The client secret is write-only: only whether one is
 * stored is said. `active` is what sign-in does: route the domain's people to the provider.
 */
export async function getSsoConnection(db: Database, tenantId: TenantId) {
  return withTenant(db, tenantId, async (tx) => {
    const [tenant] = await tx
      .select({ plan: tenants.plan, ssoDomain: tenants.ssoDomain })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    const [row] = await tx
      .select()
      .from(ssoConnections)
      .where(eq(ssoConnections.tenantId, tenantId));
    const planIncludesSso = planAllows(tenant!.plan, 'sso');
    if (!row) return { planIncludesSso, connection: null };
    const verified = Boolean(row.domainVerifiedAt) && tenant!.ssoDomain === row.emailDomain;
    return {
      planIncludesSso,
      connection: {
        issuer: row.issuer,
        clientId: row.clientId,
        hasClientSecret: row.clientSecretEncrypted.length > 0,
        emailDomain: row.emailDomain,
        autoJoinRole: row.autoJoinRole,
        enabled: row.enabled,
        domainVerifiedAt: verified ? row.domainVerifiedAt : null,
        verificationRecord: verificationRecord(row.emailDomain, row.domainVerificationToken),
        active: planIncludesSso && row.enabled && verified,
      },
    };
  });
}

export type SsoSettings = Awaited<ReturnType<typeof getSsoConnection>>;
