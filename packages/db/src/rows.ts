import type { SQL } from 'drizzle-orm';
import type { Database } from './client';
import { inSpan } from './telemetry';
import type { TenantDb } from './scope';

/**
 * Runs raw SQL and returns its rows whichever driver is underneath (postgres-js answers with
 * an array, PGlite with `{ rows }`). For the few queries the query builder cannot express.
 */
export async function queryRows<T = Record<string, unknown>>(
  db: Database | TenantDb,
  query: SQL,
): Promise<T[]> {
  // One span per statement: the raw queries are the heavy ones (search, reports).
  const result: unknown = await inSpan('db.query', {}, () => db.execute(query));
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The SQLSTATE of a Postgres error, also when an ORM wrapped it. */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
