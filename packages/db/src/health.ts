import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { queryRows } from './rows';

export type DatabaseHealth =
  | {
      status: 'up';
      latencyMs: number;
      migrated: boolean;
      engine: 'pglite' | 'postgres';
      version: string;
      /** False when full-text search cannot use its index under RLS (a superuser step is missing). */
      searchIndexUsable: boolean;
    }
  | { status: 'down'; error: string };

/** A cheap round trip that also tells whether migrations have run, bounded in time. */
export async function checkDatabase(db: Database, timeoutMs = 2_000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const rows = await Promise.race([
      queryRows<{ migrated: boolean; version: string; leakproof: boolean }>(
        db,
        sql`select to_regclass('public.tenants') is not null as migrated, version() as version,
              (select proleakproof from pg_proc where oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure) as leakproof`,
      ),
      timeout,
    ]);
    const version = rows[0]?.version ?? '';
    return {
      status: 'up',
      latencyMs: Math.round(performance.now() - started),
      migrated: Boolean(rows[0]?.migrated),
      // Through pglite-server the driver is postgres-js, but the engine is still embedded PGlite.
      engine: version.includes('PGlite') ? 'pglite' : 'postgres',
      version: version.split(' on ')[0] ?? version,
      searchIndexUsable: Boolean(rows[0]?.leakproof),
    };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
