import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as runPgliteMigrations } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as runPostgresMigrations } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { distributeOnCitus, prepareCitusMigrations } from './citus';
import { installQueues } from './queue';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
const securitySql = readFileSync(new URL('./sql/security.sql', import.meta.url), 'utf8');

/**
 * The security step locks every tenant table while it re-applies RLS. It runs again only when
 * its own text or the set of applied migrations changed, so starting one more app instance (or
 * test process) never takes those locks from under live traffic.
 */
const SECURITY_STATE_SQL = `
  create table if not exists drizzle.replyline_security_state (fingerprint text primary key, applied_at timestamptz not null default now());
  select (select count(*) || ':' || coalesce(max(created_at), 0) from drizzle.__drizzle_migrations) as migrations,
         (select count(*) from pg_namespace where nspname = 'pgboss') as queues`;

function securityFingerprint(migrations: string, queues: string): string {
  return createHash('sha256')
    .update(securitySql)
    .update(`\0${migrations}\0${queues}`)
    .digest('hex');
}

type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

async function applySecurity(run: RunSql): Promise<void> {
  const [state] = await run(SECURITY_STATE_SQL);
  const fingerprint = securityFingerprint(String(state?.migrations), String(state?.queues));
  const done = await run(
    `select 1 from drizzle.replyline_security_state where fingerprint = '${fingerprint}'`,
  );
  if (done.length > 0) return;
  await run(securitySql);
  await run(`insert into drizzle.replyline_security_state (fingerprint) values ('${fingerprint}')`);
}

/** Any fixed number: several app instances starting at once migrate one after another. */
const MIGRATION_LOCK_KEY = 7_240_731;

/**
 * Runs the committed drizzle-kit migrations, installs the job queues, then the repeatable
 * security step, all as the owner; on a Citus cluster it then distributes the tables (citus.ts).
 */
export async function migratePostgresServer(ownerUrl: string): Promise<void> {
  const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await prepareCitusMigrations(client);
    await runPostgresMigrations(drizzlePostgres({ client }), { migrationsFolder });
    await installQueues({ kind: 'postgres', url: ownerUrl });
    await applySecurity(async (text) => {
      const results = (await client.unsafe(text)) as unknown;
      // A multi-statement script answers with one result per statement: keep the last.
      const last =
        Array.isArray(results) && Array.isArray(results.at(-1)) ? results.at(-1) : results;
      return last as Record<string, unknown>[];
    });
    await distributeOnCitus(client);
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => undefined);
    await client.end({ timeout: 5 });
  }
}

/** Same for embedded PGlite, on an already open client (it allows one process at a time). */
export async function migratePglite(client: PGlite): Promise<void> {
  await runPgliteMigrations(drizzlePglite({ client }), { migrationsFolder });
  await installQueues({ kind: 'pglite', client });
  await applySecurity(async (text) => (await client.exec(text)).at(-1)?.rows ?? []);
}
