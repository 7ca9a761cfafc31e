import {
  migratePostgresServer,
  openDatabase,
  pgErrorCode,
  type Database,
  type DbEnv,
} from '@replyline/db';
import postgres from 'postgres';
import { buildPendingIndexes, LOAD_CONNECTIONS } from './bulk-load';

/**
 * The retrieval bench's own database on the same Postgres server: the app database's name with
 * `_bench` appended (`replyline` -> `replyline_bench`), prepared by the superuser like the app
 * database (pgvector, the LEAKPROOF full-text match; see `.ci/start-postgres.sh`). A million
 * passages take about 30 GB and their load rebuilds the search indexes, which would block
 * everyone else's queries on a shared database; a database of its own is emptied in an instant
 * (`TRUNCATE`) or kept whole for the next run (`BENCH_KEEP`).
 */
export interface BenchDatabase {
  /** The app's connection (replyline_app, row-level security applies), as the product searches. */
  db: Database;
  /** The table owner's connections (one per loading connection): bulk loads, VACUUM, emptying. */
  owner: postgres.Sql;
  name: string;
  close(): Promise<void>;
}

export const BENCH_DATABASE_SUFFIX = '_bench';

/** The bench database's URLs, or null when the app database is not a Postgres server. */
export function benchDatabaseUrls(env: Pick<DbEnv, 'DATABASE_URL' | 'DATABASE_OWNER_URL'>) {
  if (!env.DATABASE_URL) return null;
  const rename = (url: string) => {
    const parsed = new URL(url);
    parsed.pathname = `${parsed.pathname}${BENCH_DATABASE_SUFFIX}`;
    return parsed.toString();
  };
  const app = rename(env.DATABASE_URL);
  const owner = rename(env.DATABASE_OWNER_URL ?? env.DATABASE_URL);
  return { app, owner, name: new URL(app).pathname.slice(1) };
}

/**
 * Opens and migrates the bench database; `{ missing }` when the server has no such database
 * (creating one needs the superuser, which the bench never connects as).
 */
export async function openBenchDatabase(
  env: Pick<DbEnv, 'DATABASE_URL' | 'DATABASE_OWNER_URL'>,
): Promise<BenchDatabase | { missing: string }> {
  const urls = benchDatabaseUrls(env);
  if (!urls) throw new Error('The bench database needs DATABASE_URL (a Postgres server).');
  const owner = postgres(urls.owner, { max: LOAD_CONNECTIONS, onnotice: () => {} });
  try {
    await owner`select 1`;
  } catch (error) {
    await owner.end({ timeout: 5 });
    if (pgErrorCode(error) === '3D000') return { missing: urls.name };
    throw error;
  }
  await migratePostgresServer(urls.owner);
  const app = await openDatabase({ kind: 'postgres', url: urls.app, maxConnections: 4 });
  return {
    db: app.db,
    owner,
    name: urls.name,
    close: async () => {
      await app.close();
      await owner.end({ timeout: 5 });
    },
  };
}

/**
 * Empties the bench database (every tenant and what hangs off it) and gives its disk back; the
 * indexes a failed or interrupted bulk load left unbuilt are built then, on the empty tables.
 */
export async function emptyBenchDatabase(owner: postgres.Sql) {
  // search_postings has no foreign key to follow (see its schema), so it is named too.
  await owner`truncate tenants, search_postings cascade`;
  await buildPendingIndexes(owner);
}
