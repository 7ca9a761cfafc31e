import { asUserId, schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../domain-error';
import { parseSecretKey } from './key-format';
import type { TApiKeyScope } from './manage-api-keys';

const { apiKeys } = schema;

/** Who calls the management API: one key of one workspace. */
export interface ApiKeyPrincipal {
  tenantId: TenantId;
  keyId: string;
  scope: TApiKeyScope;
  /** The member who made the key; changes made with it are recorded in their name. */
  userId: UserId;
}

/** last_used_at is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION = '1 minute';

const unknownKey = () =>
  new DomainError(
    'unauthenticated',
    'This secret key is not valid: it is mistyped, was revoked, or belongs to a deleted workspace. Create a key under Settings → API keys.',
  );

/**
 * The workspace and scope of a secret key, in one transaction of that workspace: the lookup
 * and the last-used time. A revoked or unknown key is refused in the same words, so the
 * answer does not tell which keys ever existed.
 */
export async function authenticateApiKey(db: Database, key: string): Promise<ApiKeyPrincipal> {
  const parsed = parseSecretKey(key);
  if (!parsed) throw unknownKey();
  const found = await withTenant(db, parsed.tenantId, async (tx) => {
    const [row] = await tx
      .select({
        id: apiKeys.id,
        scope: apiKeys.scope,
        userId: apiKeys.createdByUserId,
        revokedAt: apiKeys.revokedAt,
        stale: sql<boolean>`coalesce(${apiKeys.lastUsedAt} < now() - ${LAST_USED_RESOLUTION}::interval, true)`,
      })
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, parsed.tenantId), eq(apiKeys.secretHash, parsed.secretHash)));
    if (row && !row.revokedAt && row.stale)
      await tx
        .update(apiKeys)
        .set({ lastUsedAt: sql`now()` })
        .where(and(eq(apiKeys.tenantId, parsed.tenantId), eq(apiKeys.id, row.id)));
    return row;
  });
  if (!found || found.revokedAt) throw unknownKey();
  return {
    tenantId: parsed.tenantId,
    keyId: found.id,
    scope: found.scope,
    userId: asUserId(found.userId),
  };
}

/** A read key on a change: 403, naming what to do. */
export function requireWriteScope(principal: ApiKeyPrincipal): void {
  if (principal.scope === 'write') return;
  throw new DomainError(
    'forbidden',
    'This key may only read. Use a key with the write scope to change anything.',
  );
}
