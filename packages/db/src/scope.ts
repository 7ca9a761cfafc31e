import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './client';
import { inSpan, TENANT_ATTRIBUTE } from './telemetry';

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
 * Runs `work` in a transaction scoped to one tenant. The tenant is set with `SET LOCAL`, so it
 * ends with the transaction and can never leak to the next user of a pooled connection. The
 * role is dropped to the app role for the same transaction: when the connection itself is
 * privileged (embedded PGlite, pglite-server), RLS still applies.
 */
export function withTenant<T>(
  db: Database,
  tenantId: TenantId,
  work: (tx: TenantDb) => Promise<T>,
) {
  const checkedId = uuidSchema.parse(tenantId);
  return inSpan('db.transaction', { [TENANT_ATTRIBUTE]: checkedId }, () =>
    db.transaction((tx) => scopedWork(tx, 'app.tenant_id', checkedId, work)),
  );
}

/**
 * Runs `work` as the app role for one signed-in user who has not picked a workspace yet:
 * they can read their own memberships and nothing tenant-owned.
 */
export function withUser<T>(db: Database, userId: UserId, work: (tx: TenantDb) => Promise<T>) {
  const checkedId = uuidSchema.parse(userId);
  return db.transaction((tx) => scopedWork(tx, 'app.user_id', checkedId, work));
}

/** The postgres-js transaction under a Drizzle one: queries sent on it are pipelined. */
interface PipelinedClient {
  unsafe(text: string, values: string[]): { execute(): Promise<unknown> };
}

function pipelinedClient(tx: TenantDb): PipelinedClient | null {
  const client = (tx as unknown as { session?: { client?: Partial<PipelinedClient> } }).session
    ?.client;
  return typeof client?.unsafe === 'function' ? (client as PipelinedClient) : null;
}

/**
 * The statements that scope a transaction. `SET LOCAL` rather than `set_config(…, true)`: on
 * Citus only SET commands reach the worker nodes that hold the tenant's rows (with
 * `citus.propagate_set_commands = 'local'`, which the migrator sets on Citus), and a setting
 * they never see makes every row-level policy there read zero rows. SET takes no bound
 * parameters, so the id is written into the text: it is parsed as a uuid first (only hex digits
 * and dashes can reach the text), and nothing else in it comes from outside.
 */
function scopeStatements(setting: 'app.tenant_id' | 'app.user_id', id: string): string[] {
  const checkedId = uuidSchema.parse(id);
  return [`set local role ${APP_ROLE}`, `set local ${setting} = '${checkedId}'`];
}

/**
 * Sets the app role and the scope (`app.tenant_id` / `app.user_id`) for this transaction, then
 * runs `work` in it. On a Postgres server the setting is sent without waiting for its answer:
 * the connection runs statements in the order they were sent, and it is sent before `work`
 * can send anything, so `work`'s first query shares its round trip, and so does `BEGIN` (see
 * `withPipelinedBegin`): a transaction's first round trip carries BEGIN, the scope and its
 * first statements (under load each round trip is a turn of a busy event loop). Both are
 * awaited before the transaction ends, and a failed setting fails the transaction. Embedded
 * PGlite has no round trip to save.
 */
async function scopedWork<T>(
  tx: TenantDb,
  setting: 'app.tenant_id' | 'app.user_id',
  id: string,
  work: (tx: TenantDb) => Promise<T>,
): Promise<T> {
  const statements = scopeStatements(setting, id);
  const client = pipelinedClient(tx);
  if (!client) {
    for (const statement of statements) await tx.execute(sql.raw(statement));
    return work(tx);
  }
  // One simple-protocol message (no parameters) carries both statements.
  const scoped = client.unsafe(statements.join('; '), []).execute();
  // Called inside an async function: a `work` that throws at once still waits for `scoped`.
  const [, result] = await inParallel([scoped, (async () => work(tx))()]);
  return result;
}

/**
 * Awaits work running side by side in one transaction (its queries are pipelined on a server).
 * Unlike `Promise.all` it waits for every part before throwing the first failure: no query may
 * still be running when the transaction ends and its connection goes back to the pool.
 */
export async function inParallel<T extends readonly unknown[]>(
  parts: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(parts);
  const failed = settled.find((part): part is PromiseRejectedResult => part.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((part) => (part as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * Runs one of a hot path's statements as a prepared statement of its connection. postgres-js
 * sends a statement with parameters that is not prepared in two round trips (Parse and
 * Describe first, to learn the parameters' types; then Bind and Execute) and sends nothing else
 * on the connection in between, so statements sent together (`inParallel`) still wait for each
 * other. A prepared one is described once per connection and from then on goes out in one
 * message, pipelined with the rest. Only for statements whose text is the same every time (no
 * lists of varying length): each text stays prepared on each connection until it closes.
 * Embedded PGlite runs it like any statement.
 */
export function runPrepared<T>(
  query: { prepare(name: string): { execute(): Promise<T> } },
  name: string,
): Promise<T> {
  return query.prepare(name).execute();
}
