import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { readDbEnv } from './env';
import { withPipelinedBegin } from './pipelined-begin';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  /** 'pglite' when embedded in this process, 'postgres' for a server (or pglite-server). */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir: string | 'memory' };

/**
 * The one place that opens a database: a Postgres server when a URL is given, otherwise
 * PGlite (Postgres in WASM, with pgvector) in a data folder. Same schema, same migrations.
 */
export async function openDatabase(
  target: DatabaseTarget = targetFromEnv(),
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.maxConnections);
  return { ...(await openPglite(target.dataDir)), kind: 'pglite' };
}

export function targetFromEnv(env = readDbEnv()): DatabaseTarget {
  if (env.DATABASE_URL)
    return { kind: 'postgres', url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE };
  return { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR };
}

/** Connections per process when none is configured (`DATABASE_POOL_SIZE`). */
export const DEFAULT_POOL_SIZE = 20;

function openPostgres(url: string, maxConnections = DEFAULT_POOL_SIZE): DatabaseHandle {
  const client = postgres(url, { max: maxConnections, onnotice: () => {} });
  // Transactions send BEGIN with their first statements (one round trip less each).
  const db = drizzlePostgres({
    client: withPipelinedBegin(client),
    schema,
    casing: 'snake_case',
  }) as unknown as Database;
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

/** Opens embedded PGlite; the raw client is returned too so migrations and the socket server can share it. */
export async function openPglite(dataDir: string | 'memory') {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: dataDir === 'memory' ? undefined : dataDir,
    extensions: { vector },
  });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return { db, client, close: () => client.close() };
}
