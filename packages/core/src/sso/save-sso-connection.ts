import { encryptSecret, randomToken, schema, withTenant, type Database } from '@replyline/db';
import { DomainError } from '../domain-error';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { Actor } from '../services';
import { discoverIssuer, type DiscoveryFetchOptions } from './discover-issuer';
import type { TSaveSsoConnection } from './sso-schema';
import { requireSsoPlan } from './sso-plan';

const { ssoConnections, tenants } = schema;

/**
 * Saves the workspace's identity provider. The issuer is checked first by fetching its
 * discovery document; the secret is stored encrypted and kept when left out. A new domain (or
 * the first one) must be verified again: it gets a fresh token and stops routing sign-ins.
 */
export async function saveSsoConnection(
  db: Database,
  actor: Actor,
  input: TSaveSsoConnection,
  discovery: DiscoveryFetchOptions = {},
): Promise<void> {
  await withTenant(db, actor.tenantId, (tx) => requireSsoPlan(tx, actor.tenantId));
  const issuer = await discoverIssuer(input.issuer, discovery);

  await withTenant(db, actor.tenantId, async (tx) => {
    const [existing] = await tx
      .select({ emailDomain: ssoConnections.emailDomain })
      .from(ssoConnections)
      .where(eq(ssoConnections.tenantId, actor.tenantId));
    if (!existing && !input.clientSecret)
      throw new DomainError('bad_input', 'Enter the client secret from your identity provider.');
    const domainChanged = existing?.emailDomain !== input.emailDomain;
    const values = {
      issuer,
      clientId: input.clientId,
      emailDomain: input.emailDomain,
      autoJoinRole: input.autoJoinRole,
      updatedAt: new Date(),
      ...(input.clientSecret && { clientSecretEncrypted: encryptSecret(input.clientSecret) }),
      ...(domainChanged && {
        domainVerificationToken: randomToken('', 24),
        domainVerifiedAt: null,
      }),
    };
    if (existing)
      await tx
        .update(ssoConnections)
        .set(values)
        .where(eq(ssoConnections.tenantId, actor.tenantId));
    else
      await tx.insert(ssoConnections).values({
        tenantId: actor.tenantId,
        clientSecretEncrypted: encryptSecret(input.clientSecret!),
        domainVerificationToken: randomToken('', 24),
        ...values,
      });
    // The old domain no longer routes here (and is free for whoever really owns it).
    if (domainChanged)
      await tx.update(tenants).set({ ssoDomain: null }).where(eq(tenants.id, actor.tenantId));
    await recordAudit(tx, actor, {
      action: 'sso.connection_saved',
      targetType: 'sso_connection',
      targetId: actor.tenantId,
      details: {
        issuer,
        clientId: input.clientId,
        emailDomain: input.emailDomain,
        autoJoinRole: input.autoJoinRole,
        secretChanged: Boolean(input.clientSecret),
      },
    });
  });
}
