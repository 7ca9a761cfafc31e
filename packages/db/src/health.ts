import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { queryRows } from './rows';

export type DatabaseHealth =
  | { status: 'up'; latencyMs: number; migrated: boolean }
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
      queryRows<{ migrated: boolean }>(db, sql`select to_regclass('public.tenants') is not null as migrated`),
      timeout,
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started), migrated: Boolean(rows[0]?.migrated) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
