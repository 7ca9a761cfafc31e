import { withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';

const DAY_MS = 86_400_000;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A reporting period [from, to): at most a year and a day, counted in days of `timeZone`. */
export const ZPeriod = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    /** IANA zone the days are counted in, e.g. "Europe/Stockholm". */
    timeZone: z.string().max(64).default('UTC').refine(isTimeZone, 'Unknown time zone.'),
  })
  .refine((p) => p.to > p.from, { message: 'The period must end after it starts.', path: ['to'] })
  .refine((p) => p.to.getTime() - p.from.getTime() <= 367 * DAY_MS, {
    message: 'Choose a period of at most a year.',
    path: ['from'],
  });
export type TPeriod = z.output<typeof ZPeriod>;

export const ZListPeriod = z.intersection(
  ZPeriod,
  z.object({ limit: z.int().min(1).max(100).default(20) }),
);

/** `column` within the period: a plain range, so the (tenant_id, created_at) indexes serve it. */
export function inPeriod(column: SQL, period: TPeriod): SQL {
  return sql`${column} >= ${period.from.toISOString()}::timestamptz and ${column} < ${period.to.toISOString()}::timestamptz`;
}

/**
 * A question as grouped: lower case, punctuation and repeated spaces gone, so "Do you ship to
 * Norway?" and "do you ship to norway" count as one. Good enough without language models.
 */
export function normalizedQuestion(column: SQL): SQL<string> {
  // One regular expression per message: it is most of the cost of grouping 100k questions.
  return sql<string>`btrim(lower(regexp_replace(${column}, '[[:punct:][:space:]]+', ' ', 'g')))`;
}

/**
 * The tenant's scope for a report: one transaction, with enough memory for its sorts and
 * groupings (hundreds of thousands of rows) to stay off disk, and without JIT compilation:
 * the planner's row guesses for per-day joins are far too high, which made Postgres spend
 * ~300 ms compiling a query that runs in 100. `set_config(…, true)` lasts for this
 * transaction only (PGlite has no JIT and ignores it).
 */
export function withReportScope<T>(
  db: Database,
  tenantId: TenantId,
  work: (tx: TenantDb) => Promise<T>,
): Promise<T> {
  return withTenant(db, tenantId, async (tx) => {
    await tx.execute(
      sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`,
    );
    return work(tx);
  });
}
