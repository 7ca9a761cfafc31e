import postgres from 'postgres';
import { openDatabase, openPglite, type Database } from './client';
import { readDbEnv } from './env';
import type { RawQuery } from './isolation-audit';
import type { QueueTarget } from './queue';
import { migratePglite, migratePostgresServer } from './migrate';

export { startCountingRelay, type CountingRelay } from './counting-relay';

export interface TestDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where a job queue for this database connects. */
  queueTarget: QueueTarget;
  /**
   * Runs `work` as the table owner inside a transaction that is always rolled back, for tests
   * that must break something on purpose (drop a policy) without harming other tests.
   */
  asOwnerThenRollback(work: (query: RawQuery) => Promise<void>): Promise<void>;
  /**
   * VACUUM (ANALYZE) of the given tables as the owner, as autovacuum does soon after a bulk
   * load: benchmarks measure the steady state (statistics known, index-only scans possible).
   */
  vacuumAnalyze(tables: string[]): Promise<void>;
  /** The app's database over exactly one connection, to test what a pooled connection carries over. */
  openSingleConnection(): Promise<{ db: Database; close(): Promise<void> }>;
  close(): Promise<void>;
}

class Rollback extends Error {}

/**
 * A migrated database for integration tests: a fresh in-memory PGlite, or, when DATABASE_URL
 * is set, the Postgres server it names (migrated through DATABASE_OWNER_URL). Tests on a shared
 * server create their own tenants with random ids, so they never collide.
 */
export async function openTestDatabase(
  options: {
    /** Connections to a Postgres server: a few for tests, a production pool for benchmarks. */
    maxConnections?: number;
    /**
     * Where the app connects instead of DATABASE_URL (the same server behind a relay that
     * counts what is sent, in a benchmark); migrations still go to DATABASE_OWNER_URL.
     */
    appUrl?: string;
  } = {},
): Promise<TestDatabase> {
  const env = readDbEnv();
  if (!env.DATABASE_URL) return openTestPglite();

  const ownerUrl = env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
  await migratePostgresServer(ownerUrl);
  const app = await openDatabase({
    kind: 'postgres',
    url: options.appUrl ?? env.DATABASE_URL,
    maxConnections: options.maxConnections ?? 4,
  });
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  return {
    ...app,
    queueTarget: { kind: 'postgres', url: env.DATABASE_URL },
    openSingleConnection: () =>
      openDatabase({ kind: 'postgres', url: env.DATABASE_URL!, maxConnections: 1 }),
    vacuumAnalyze: async (tables) => {
      await owner.unsafe(`vacuum (analyze) ${tables.map(quoteIdentifier).join(', ')}`);
    },
    asOwnerThenRollback: (work) =>
      owner
        .begin(async (tx) => {
          await work((text) => tx.unsafe(text) as Promise<Record<string, unknown>[]>);
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        }),
    close: async () => {
      await app.close();
      await owner.end({ timeout: 5 });
    },
  };
}

async function openTestPglite(): Promise<TestDatabase> {
  const { db, client, close } = await openPglite('memory');
  await migratePglite(client);
  return {
    db,
    kind: 'pglite',
    queueTarget: { kind: 'pglite', client },
    vacuumAnalyze: async (tables) => {
      await client.exec(`vacuum (analyze) ${tables.map(quoteIdentifier).join(', ')}`);
    },
    // PGlite is a single session already.
    openSingleConnection: async () => ({ db, close: async () => {} }),
    asOwnerThenRollback: (work) =>
      client.transaction(async (tx) => {
        await work(async (text) => (await tx.query<Record<string, unknown>>(text)).rows);
        await tx.rollback();
      }),
    close,
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
