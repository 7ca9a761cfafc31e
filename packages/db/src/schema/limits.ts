import { bigint, integer, pgTable, varchar } from 'drizzle-orm/pg-core';

/**
 * Counters of the request limits (rate-limiter-flexible's Postgres store, its own table layout),
 * shared by every API and dashboard process. Not tenant-owned: keys name what they count
 * (an IP, a visitor token, a tenant) and rows expire within minutes.
 */
export const rateLimits = pgTable('rate_limits', {
  key: varchar({ length: 255 }).primaryKey(),
  points: integer().notNull().default(0),
  /** Epoch milliseconds when the window ends; the store's own unit. */
  expire: bigint({ mode: 'number' }),
});
