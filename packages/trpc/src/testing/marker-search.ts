import { asTenantId, type TenantId } from '@replyline/db';
import type { TestDatabase } from '@replyline/db/testing';

/** Where a marker was found: "schema.table" -> number of rows whose text contains it. */
export type MarkerHits = Record<string, number>;

export interface MarkerSearch {
  /** Rows of tenant-owned tables (those with tenant_id), as each tenant's scope sees them. */
  byTenant: Record<string, MarkerHits>;
  /** Rows of every other table (platform tables, the job queue, migrations bookkeeping). */
  global: MarkerHits;
}

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema')`;

/**
 * Greps every table of every schema the database has (listed from the catalogue, so a new
 * table or queue partition cannot be missed) for `marker`: each row cast to text, and stored
 * bytes (bytea shows as hex) searched for the marker's hex too. Runs as the table owner; tenant
 * tables are read once per tenant, filtered on tenant_id (and, RLS being forced, with its scope).
 */
export async function searchEveryTable(
  t: TestDatabase,
  marker: string,
  tenants: TenantId[],
): Promise<MarkerSearch> {
  // Lowercase letters, digits and dashes (a uuid is a marker too): safe inside a SQL literal.
  if (!/^[a-z0-9-]{8,}$/.test(marker)) throw new Error('Use a lowercase alphanumeric marker.');
  const hex = Buffer.from(marker).toString('hex');
  const result: MarkerSearch = { byTenant: {}, global: {} };
  await t.asOwnerThenRollback(async (query) => {
    const tables = (await query(`
      select n.nspname as schema, c.relname as name,
        exists (select 1 from pg_attribute a where a.attrelid = c.oid
                and a.attname = 'tenant_id' and not a.attisdropped) as tenant_owned
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname not in ${SYSTEM_SCHEMAS}
        and n.nspname not like 'pg\\_%'
      order by 1, 2`)) as { schema: string; name: string; tenant_owned: boolean }[];
    const count = async (table: { schema: string; name: string }, tenant?: TenantId) => {
      const ofTenant = tenant ? `r.tenant_id = '${asTenantId(tenant)}' and` : '';
      const [row] = await query(
        `select count(*)::int as n from "${table.schema}"."${table.name}" r
         where ${ofTenant} (strpos(r::text, '${marker}') > 0 or strpos(r::text, '${hex}') > 0)`,
      );
      return Number(row?.n ?? 0);
    };
    const collect = async (tenant: TenantId | undefined, into: MarkerHits) => {
      for (const table of tables.filter((x) => x.tenant_owned === Boolean(tenant))) {
        const n = await count(table, tenant);
        if (n > 0) into[`${table.schema}.${table.name}`] = n;
      }
    };
    await collect(undefined, result.global);
    for (const tenant of tenants) {
      // Where the owner is not a superuser (a Postgres server), RLS needs the scope as well.
      // SET LOCAL (not set_config): on Citus only SET commands reach the workers.
      await query(`set local app.tenant_id = '${asTenantId(tenant)}'`);
      await collect(tenant, (result.byTenant[tenant] = {}));
    }
  });
  return result;
}
