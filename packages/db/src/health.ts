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
      queryRows<{ migrated: boolean; version: string }>(
        db,
        sql`select to_regclass('public.tenants') is not null as migrated, version() as version`,
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
    };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
