import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './client';

/** The role every scoped transaction runs as: not superuser, not BYPASSRLS, owns no table. */
export const APP_ROLE = 'replyline_app';

declare const tenantIdBrand: unique symbol;
/** A tenant id that came from a trusted lookup (key, session, membership), never from a request body. */
export type TenantId = string & { readonly [tenantIdBrand]: true };

declare const userIdBrand: unique symbol;
export type UserId = string & { readonly [userIdBrand]: true };

const uuidSchema = z.uuid();

export function asTenantId(value: string): TenantId {
  return uuidSchema.parse(value) as TenantId;
}

export function asUserId(value: string): UserId {
  return uuidSchema.parse(value) as UserId;
}

/** A transaction whose rows are limited to one tenant by Postgres row-level security. */
export type TenantDb = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Runs `work` in a transaction scoped to one tenant. The tenant is set with a bound parameter
 * and `is_local = true`, so it ends with the transaction and can never leak to the next user
 * of a pooled connection. The role is dropped to the app role for the same transaction: when
 * the connection itself is privileged (embedded PGlite, pglite-server), RLS still applies.
 */
export function withTenant<T>(
  db: Database,
  tenantId: TenantId,
  work: (tx: TenantDb) => Promise<T>,
) {
  const checkedId = uuidSchema.parse(tenantId);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${checkedId}, true)`,
    );
    return work(tx);
  });
}

/**
 * Runs `work` as the app role for one signed-in user who has not picked a workspace yet:
 * they can read their own memberships and nothing tenant-owned.
 */
export function withUser<T>(db: Database, userId: UserId, work: (tx: TenantDb) => Promise<T>) {
  const checkedId = uuidSchema.parse(userId);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${checkedId}, true)`,
    );
    return work(tx);
  });
}
