import { resolveTxt as systemResolveTxt } from 'node:dns/promises';
import { pgErrorCode, schema, withTenant, type Database, type TenantDb } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { notFound } from '../request';
import type { Actor } from '../services';
import { requireSsoPlan } from './sso-plan';
import { verificationRecord } from './sso-schema';

const { ssoConnections, tenants } = schema;

/** TXT lookup: node:dns's answer shape (each record in chunks). Injected by tests. */
export type ResolveTxt = (hostname: string) => Promise<string[][]>;

async function connectionOf(tx: TenantDb, actor: Actor) {
  const [row] = await tx
    .select({
      emailDomain: ssoConnections.emailDomain,
      token: ssoConnections.domainVerificationToken,
    })
    .from(ssoConnections)
    .where(eq(ssoConnections.tenantId, actor.tenantId));
  if (!row) throw notFound('single sign-on connection');
  return row;
}

/** The TXT record to publish, recorded as the start of verification. */
export async function startDomainVerification(db: Database, actor: Actor) {
  return withTenant(db, actor.tenantId, async (tx) => {
    await requireSsoPlan(tx, actor.tenantId);
    const { emailDomain, token } = await connectionOf(tx, actor);
    await recordAudit(tx, actor, {
      action: 'sso.domain_verification_started',
      targetType: 'sso_connection',
      targetId: actor.tenantId,
      details: { emailDomain },
    });
    return verificationRecord(emailDomain, token);
  });
}

/**
 * Looks the TXT record up and, when it is there, makes the domain this workspace's: sign-ins
 * of its addresses go to the workspace's provider. A domain belongs to one workspace only; the
 * unique routing key (tenants.sso_domain) settles a race between two of them.
 */
export async function verifySsoDomain(
  db: Database,
  actor: Actor,
  resolveTxt: ResolveTxt = systemResolveTxt,
): Promise<{ emailDomain: string; verifiedAt: Date }> {
  const { emailDomain, token } = await withTenant(db, actor.tenantId, async (tx) => {
    await requireSsoPlan(tx, actor.tenantId);
    return connectionOf(tx, actor);
  });
  const record = verificationRecord(emailDomain, token);
  if (!(await txtRecords(emailDomain, resolveTxt)).includes(record.value))
    throw new DomainError(
      'precondition_failed',
      `We did not find the TXT record "${record.value}" on ${emailDomain} yet. Publish it with your DNS host; changes can take a while to spread, so try again in a few minutes.`,
    );
  try {
    return await markVerified(db, actor, emailDomain);
  } catch (error) {
    if (pgErrorCode(error) === '23505') throw takenBy(emailDomain);
    throw error;
  }
}

async function markVerified(db: Database, actor: Actor, emailDomain: string) {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [other] = await tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(and(eq(tenants.ssoDomain, emailDomain), ne(tenants.id, actor.tenantId)));
    if (other) throw takenBy(emailDomain);
    const verifiedAt = new Date();
    await tx.update(tenants).set({ ssoDomain: emailDomain }).where(eq(tenants.id, actor.tenantId));
    await tx
      .update(ssoConnections)
      .set({ domainVerifiedAt: verifiedAt, updatedAt: verifiedAt })
      .where(eq(ssoConnections.tenantId, actor.tenantId));
    await recordAudit(tx, actor, {
      action: 'sso.domain_verified',
      targetType: 'sso_connection',
      targetId: actor.tenantId,
      details: { emailDomain },
    });
    return { emailDomain, verifiedAt };
  });
}

function takenBy(emailDomain: string) {
  return new DomainError(
    'conflict',
    `${emailDomain} is already verified by another Replyline workspace. A domain can sign in to one workspace only: ask that workspace's owner to remove it from their single sign-on settings first.`,
  );
}

/** The domain's TXT records, each joined from its chunks; none when the name has no records. */
async function txtRecords(domain: string, resolveTxt: ResolveTxt): Promise<string[]> {
  try {
    return (await resolveTxt(domain)).map((chunks) => chunks.join(''));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENODATA' || code === 'ENOTFOUND') return [];
    throw new DomainError(
      'unavailable',
      `We could not look up ${domain} in DNS just now. Try again in a minute.`,
    );
  }
}
