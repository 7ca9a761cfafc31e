import { sql } from 'drizzle-orm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from './client';

export { RateLimiterRes };

/** The store's view of a client: `query({ text, values })` answering `{ rows, rowCount }`. */
interface StoreClient {
  query(query: { text: string; values?: unknown[] }): Promise<{ rows: unknown[]; rowCount: number }>;
}

/**
 * Adapts our Drizzle database (postgres-js or PGlite underneath) to the `pool` client that
 * rate-limiter-flexible's Postgres store expects. The store sends plain `$1` placeholders, which
 * both drivers take through their raw-query call.
 */
function storeClient(db: Database): StoreClient {
  const client = (db as unknown as { $client: unknown }).$client as {
    unsafe?: (text: string, values?: unknown[]) => Promise<unknown[] & { count?: number }>;
    query?: (text: string, values?: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }>;
  };
  return {
    async query({ text, values }) {
      if (client.unsafe) {
        const rows = await client.unsafe(text, values as never);
        return { rows: [...rows], rowCount: rows.count ?? rows.length };
      }
      const result = await client.query!(text, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

export interface SharedLimit {
  /** Prefix of this limit's keys in the shared table, e.g. 'msg-ip'. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/**
 * A request limit counted in Postgres (the `rate_limits` table, created by the migrations), so
 * every API and dashboard process shares one count: behind a load balancer an attacker cannot
 * multiply the limit by the number of processes.
 */
export function createSharedRateLimiter(db: Database, limit: SharedLimit): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: storeClient(db),
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    // Expired rows are swept by one statement per process every five minutes.
    clearExpiredByTimeout: true,
    keyPrefix: limit.keyPrefix,
    points: limit.points,
    duration: limit.durationSeconds,
  });
}

/** Removes expired counters (the store sweeps on its own too); for tests and the retention job. */
export async function sweepExpiredRateLimits(db: Database): Promise<void> {
  await db.execute(sql`delete from rate_limits where expire < ${Date.now()}`);
}
