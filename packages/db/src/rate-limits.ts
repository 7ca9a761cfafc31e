import { sql } from 'drizzle-orm';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from './client';
import { queryRows } from './rows';

export { RateLimiterRes };

export interface SharedLimit {
  /** Prefix of this limit's keys in the shared table, e.g. 'msg-ip'. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

export interface SharedRateLimiter {
  /**
   * Counts `points` against `key`: resolves with the count when within the limit, rejects with
   * a `RateLimiterRes` (its `msBeforeNext` is the wait) when past it. The points count either way.
   */
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  /** Takes back points counted for a request that was refused by another limit after all. */
  refund(key: string, points?: number): Promise<void>;
  /** Sets the key's count and window outright (a lease being renewed). */
  set(key: string, points: number, durationSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * A request limit counted in Postgres (the `rate_limits` table, created by the migrations), so
 * every API and dashboard process shares one count: behind a load balancer an attacker cannot
 * multiply the limit by the number of processes. Fixed windows: a key's count starts at its
 * first point and resets when its window has passed.
 *
 * Counting goes through one batcher per database (see `counterBatcher`): under load a process
 * sends one statement for every key counted meanwhile, not one per request, and a busy key
 * (one tenant, one address) is updated once per statement instead of once per request.
 */
export function createSharedRateLimiter(db: Database, limit: SharedLimit): SharedRateLimiter {
  const batcher = counterBatcher(db);
  const fullKey = (key: string) => `${limit.keyPrefix}:${key}`;
  return {
    async consume(key, points = 1) {
      const counted = await batcher.add(fullKey(key), points, limit.durationSeconds * 1000);
      const res = new RateLimiterRes(
        Math.max(0, limit.points - counted.total),
        Math.max(0, counted.expire - Date.now()),
        counted.total,
        counted.total === points,
      );
      if (counted.total > limit.points) throw res;
      return res;
    },
    async refund(key, points = 1) {
      // Rare (a refusal), so not batched; a window that has ended has nothing to give back.
      await db.execute(sql`
        update rate_limits set points = greatest(points - ${points}, 0)
        where key = ${fullKey(key)} and expire > ${Date.now()}`);
    },
    async set(key, points, durationSeconds) {
      await db.execute(sql`
        insert into rate_limits (key, points, expire)
        values (${fullKey(key)}, ${points}, ${Date.now() + durationSeconds * 1000})
        on conflict (key) do update set points = excluded.points, expire = excluded.expire`);
    },
    async delete(key) {
      await db.execute(sql`delete from rate_limits where key = ${fullKey(key)}`);
    },
  };
}

/** Removes expired counters; each process also sweeps every few minutes on its own. */
export async function sweepExpiredRateLimits(db: Database): Promise<void> {
  await db.execute(sql`delete from rate_limits where expire < ${Date.now()}`);
}

const SWEEP_INTERVAL_MS = 5 * 60_000;

interface Counted {
  /** The key's count in its window, up to and including this caller's points. */
  total: number;
  /** When the window ends (ms since the epoch). */
  expire: number;
}

interface PendingKey {
  durationMs: number;
  callers: { points: number; resolve(counted: Counted): void; reject(error: unknown): void }[];
}

interface CounterBatcher {
  add(key: string, points: number, durationMs: number): Promise<Counted>;
}

const batchers = new WeakMap<Database, CounterBatcher>();

/**
 * One per database: counts arriving while a statement is in flight wait for it and go out
 * together in the next one, so an idle process answers at once and a busy one sends one
 * statement per round trip. Each caller still gets the count as if it had counted alone, in
 * arrival order (the batch's total minus what callers after it added).
 */
function counterBatcher(db: Database): CounterBatcher {
  const existing = batchers.get(db);
  if (existing) return existing;
  let pending = new Map<string, PendingKey>();
  let inFlight = false;
  let sweeper: NodeJS.Timeout | null = null;

  async function flush() {
    if (inFlight || pending.size === 0) return;
    inFlight = true;
    const batch = pending;
    pending = new Map();
    try {
      settle(batch, await countBatch(db, batch));
    } catch (error) {
      for (const entry of batch.values()) for (const caller of entry.callers) caller.reject(error);
    } finally {
      inFlight = false;
      void flush();
    }
  }

  const batcher: CounterBatcher = {
    add(key, points, durationMs) {
      sweeper ??= startSweeper(db);
      return new Promise<Counted>((resolve, reject) => {
        const entry = pending.get(key) ?? { durationMs, callers: [] };
        entry.callers.push({ points, resolve, reject });
        pending.set(key, entry);
        // After the current tick: the other counts of this tick join the same statement.
        queueMicrotask(() => void flush());
      });
    },
  };
  batchers.set(db, batcher);
  return batcher;
}

/**
 * Adds every key's points in one statement and returns each key's new count and window end.
 * Keys are sorted so two processes lock shared rows in the same order (no deadlock).
 */
async function countBatch(db: Database, batch: Map<string, PendingKey>) {
  const now = Date.now();
  const rows = [...batch]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, entry]) => ({
      key,
      points: entry.callers.reduce((sum, caller) => sum + caller.points, 0),
      expire: now + entry.durationMs,
    }));
  const counted = await queryRows<{ key: string; points: number; expire: string | number }>(
    db,
    sql`
      insert into rate_limits (key, points, expire)
      select key, points, expire
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(key text, points integer, expire bigint)
      on conflict (key) do update set
        points = case when rate_limits.expire is null or rate_limits.expire <= ${now}
          then excluded.points else rate_limits.points + excluded.points end,
        expire = case when rate_limits.expire is null or rate_limits.expire <= ${now}
          then excluded.expire else rate_limits.expire end
      returning key, points, expire`,
  );
  return new Map(
    counted.map((row) => [row.key, { total: row.points, expire: Number(row.expire) }]),
  );
}

function settle(batch: Map<string, PendingKey>, counted: Map<string, Counted>) {
  for (const [key, entry] of batch) {
    const result = counted.get(key);
    if (!result) {
      const error = new Error(`The rate-limit store returned no count for ${key}.`);
      for (const caller of entry.callers) caller.reject(error);
      continue;
    }
    // The batch's points were added last: the count before it is the total minus all of them.
    let running = result.total - entry.callers.reduce((sum, caller) => sum + caller.points, 0);
    for (const caller of entry.callers) {
      running += caller.points;
      caller.resolve({ total: running, expire: result.expire });
    }
  }
}

function startSweeper(db: Database): NodeJS.Timeout {
  const timer = setInterval(
    () => void sweepExpiredRateLimits(db).catch(() => undefined),
    SWEEP_INTERVAL_MS,
  );
  timer.unref();
  return timer;
}
