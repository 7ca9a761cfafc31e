import { queryRows, QUEUES, type TenantDb, type TenantId } from '@replyline/db';
import { sql, type SQL } from 'drizzle-orm';

/*
 * pg-boss keeps a job's data (and its output) after the job ran: completed jobs stay in
 * pgboss.job until archived, then in pgboss.archive for two weeks. A job about an erased
 * customer or a deleted workspace must go with them, whatever its queue or state. The app role
 * may delete there (see security.sql); the queue tables have no tenant column, so a job is
 * matched by the tenant id its data names, and send-email jobs (they carry only the email id)
 * by the outbound emails erased alongside.
 */

const QUEUE_TABLES = [sql`pgboss.job`, sql`pgboss.archive`];

export interface CustomerJobs {
  tenantId: TenantId;
  /**
   * Words that, found anywhere in a job's data or output (case-insensitive), tie it to the
   * customer: conversation, ticket and document ids, email addresses.
   */
  mentions: string[];
  /** Values that must equal a whole string in the job (visitor ids: short, so never partial). */
  exactValues: string[];
  /** Outbound email ids erased with the customer, whose send-email jobs go too. */
  emailIds: string[];
}

/** Deletes every job about one customer of the tenant; returns how many. */
export function eraseCustomerJobs(tx: TenantDb, customer: CustomerJobs): Promise<number> {
  const needles = [
    ...customer.mentions.map((m) => sql`${jsonInner(m.toLowerCase())}`),
    ...customer.exactValues.map((v) => sql`${JSON.stringify(v).toLowerCase()}`),
  ];
  const mentioning = needles.length
    ? sql`(${ofTenant(customer.tenantId)} and exists (
        select 1 from unnest(array[${sql.join(needles, sql`, `)}]::text[]) as needle(n)
        where strpos(lower(coalesce(data::text, '') || ' ' || coalesce(output::text, '')), needle.n) > 0
      ))`
    : undefined;
  return deleteJobs(tx, [mentioning, emailJobs(customer.emailIds)]);
}

/** Deletes every job of the tenant (a deleted workspace), its send-email jobs included. */
export function eraseTenantJobs(tx: TenantDb, tenantId: TenantId, emailIds: string[]) {
  return deleteJobs(tx, [ofTenant(tenantId), emailJobs(emailIds)]);
}

async function deleteJobs(tx: TenantDb, conditions: (SQL | undefined)[]): Promise<number> {
  const present = conditions.filter((c): c is SQL => Boolean(c));
  // No condition must never become "delete every job".
  if (present.length === 0) return 0;
  const where = sql.join(present, sql` or `);
  let erased = 0;
  for (const table of QUEUE_TABLES)
    erased += (await queryRows(tx, sql`delete from ${table} where ${where} returning id`)).length;
  return erased;
}

const ofTenant = (tenantId: TenantId) => sql`data->>'tenantId' = ${tenantId}`;

function emailJobs(emailIds: string[]): SQL | undefined {
  if (emailIds.length === 0) return undefined;
  const ids = sql.join(
    emailIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`(name = ${QUEUES.sendEmail} and data->>'emailId' = any(array[${ids}]::text[]))`;
}

/** A value as it appears inside a JSON string (jsonb::text escapes quotes, backslashes, controls). */
function jsonInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
