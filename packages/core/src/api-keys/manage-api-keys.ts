import { schema, withTenant, type Database } from '@replyline/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { DomainError } from '../domain-error';
import type { Actor } from '../services';
import { generateSecretKey } from './key-format';

const { apiKeys } = schema;

export const ZApiKeyScope = z.enum(['read', 'write']);
export type TApiKeyScope = z.infer<typeof ZApiKeyScope>;

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, 'Give the key a name.').max(80),
  scope: ZApiKeyScope,
});

/** A workspace's keys never hold more than this; revoked ones do not count. */
const MAX_ACTIVE_KEYS = 20;

const keySummary = {
  id: apiKeys.id,
  name: apiKeys.name,
  scope: apiKeys.scope,
  lastFour: apiKeys.lastFour,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/**
 * Makes a secret key. The key is in the answer and nowhere else: only its hash is stored, so
 * it cannot be shown again (a lost key is revoked and replaced).
 */
export async function createApiKey(
  db: Database,
  actor: Actor,
  input: z.input<typeof ZCreateApiKey>,
) {
  const { name, scope } = ZCreateApiKey.parse(input);
  const secret = generateSecretKey(actor.tenantId);
  return withTenant(db, actor.tenantId, async (tx) => {
    const active = await tx.$count(
      apiKeys,
      and(eq(apiKeys.tenantId, actor.tenantId), isNull(apiKeys.revokedAt)),
    );
    if (active >= MAX_ACTIVE_KEYS)
      throw new DomainError(
        'conflict',
        `This workspace already has ${MAX_ACTIVE_KEYS} active keys; revoke one you no longer use first.`,
      );
    const [created] = await tx
      .insert(apiKeys)
      .values({
        tenantId: actor.tenantId,
        name,
        scope,
        secretHash: secret.secretHash,
        lastFour: secret.lastFour,
        createdByUserId: actor.userId,
      })
      .returning(keySummary);
    await recordAudit(tx, actor, {
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: created!.id,
      details: { name, scope },
    });
    return { ...created!, key: secret.key };
  });
}

/** Every key of the workspace (never a secret), newest first. */
export async function listApiKeys(db: Database, actor: Pick<Actor, 'tenantId'>) {
  return withTenant(db, actor.tenantId, (tx) =>
    tx
      .select(keySummary)
      .from(apiKeys)
      .where(eq(apiKeys.tenantId, actor.tenantId))
      .orderBy(desc(apiKeys.createdAt)),
  );
}

/** Stops a key at once: its next request is refused with 401. */
export async function revokeApiKey(db: Database, actor: Actor, input: { keyId: string }) {
  const keyId = z.uuid().parse(input.keyId);
  return withTenant(db, actor.tenantId, async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(apiKeys.tenantId, actor.tenantId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)),
      )
      .returning({ name: apiKeys.name });
    if (!revoked)
      throw new DomainError('not_found', 'This key does not exist or was already revoked.');
    await recordAudit(tx, actor, {
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: keyId,
      details: { name: revoked.name },
    });
    return { revoked: true as const };
  });
}
