import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as runPgliteMigrations } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as runPostgresMigrations } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { installQueues } from './queue';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
const securitySql = readFileSync(new URL('./sql/security.sql', import.meta.url), 'utf8');

/** Any fixed number: several app instances starting at once migrate one after another. */
const MIGRATION_LOCK_KEY = 7_240_731;

/**
 * Runs the committed drizzle-kit migrations, installs the job queues, then the repeatable
 * security step, all as the owner.
 */
export async function migratePostgresServer(ownerUrl: string): Promise<void> {
  const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await runPostgresMigrations(drizzlePostgres({ client }), { migrationsFolder });
    await installQueues({ kind: 'postgres', url: ownerUrl });
    await client.unsafe(securitySql);
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => undefined);
    await client.end({ timeout: 5 });
  }
}

/** Same for embedded PGlite, on an already open client (it allows one process at a time). */
export async function migratePglite(client: PGlite): Promise<void> {
  await runPgliteMigrations(drizzlePglite({ client }), { migrationsFolder });
  await installQueues({ kind: 'pglite', client });
  await client.exec(securitySql);
}
