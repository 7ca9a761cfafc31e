// Workspaces with a stored SSO connection, written the way the dashboard's settings write them.
import { randomUUID } from 'node:crypto';
import {
  createTenant,
  encryptSecret,
  schema,
  withTenant,
  type Database,
  type TenantId,
} from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { SsoRole } from '../sso/sso-connection';

export interface SsoWorkspaceOptions {
  plan?: 'free' | 'pro' | 'business';
  autoJoinRole?: SsoRole | null;
  enabled?: boolean;
}

/** A workspace and its unique domain; the connection is added once the provider runs. */
export async function newSsoWorkspace(db: Database, name: string) {
  const suffix = randomUUID().slice(0, 8);
  const { tenantId } = await createTenant(db, { name, slug: `sso-${name}-${suffix}` });
  return { tenantId, domain: `${name}-${suffix}.example`, clientSecret: `secret-${suffix}` };
}

/** Saves a verified connection (and the routing domain) for the workspace. */
export async function connectSso(
  db: Database,
  workspace: { tenantId: TenantId; domain: string; clientSecret: string },
  issuer: string,
  options: SsoWorkspaceOptions = {},
) {
  const { tenantId, domain } = workspace;
  await db
    .update(schema.tenants)
    .set({ plan: options.plan ?? 'business', ssoDomain: domain })
    .where(eq(schema.tenants.id, tenantId));
  await withTenant(db, tenantId, (tx) =>
    tx.insert(schema.ssoConnections).values({
      tenantId,
      issuer,
      clientId: ssoClientId(tenantId),
      clientSecretEncrypted: encryptSecret(workspace.clientSecret),
      emailDomain: domain,
      domainVerificationToken: randomUUID(),
      domainVerifiedAt: new Date(),
      autoJoinRole: options.autoJoinRole === undefined ? 'agent' : options.autoJoinRole,
      enabled: options.enabled ?? true,
    }),
  );
}

export function ssoClientId(tenantId: TenantId): string {
  return `replyline-${tenantId}`;
}
