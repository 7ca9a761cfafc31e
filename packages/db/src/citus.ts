import { readFileSync } from 'node:fs';
import type postgres from 'postgres';

const searchTriggersSql = readFileSync(
  new URL('./sql/citus-search-triggers.sql', import.meta.url),
  'utf8',
);

/**
 * Scale-out on Citus (distributed Postgres). When the database has the citus extension, the
 * migrator calls `distributeOnCitus` after the numbered migrations: every table with a tenant_id
 * column is distributed by it into one co-location group (a tenant's rows of every table live on
 * the same node, so its joins and foreign keys stay on that node); global tables become reference
 * tables (a copy on every node, so tenant tables can join and reference them anywhere). It reads
 * the catalogue, so a table added by a later migration is distributed on the next run; tables
 * already distributed are left alone, which makes the step idempotent and cheap.
 *
 * Decisions the schema forces (see docs/scaling.md):
 * - `tenants` is a reference table, not distributed by its id: its slug, publishable key and SSO
 *   domain are unique across all tenants, which Citus cannot enforce on a distributed table, and
 *   the API finds a tenant by publishable key or domain, which would ask every shard.
 * - The job queue (schema pgboss) and the migrations bookkeeping are not in `public` and stay
 *   plain tables on the coordinator, as do the tables in COORDINATOR_TABLES.
 * - Foreign keys between tables that are converted in the same run are dropped first and added
 *   back after: Citus refuses to distribute a table that references a not-yet-converted one.
 * - A foreign key Citus refuses is left out (see refusedByCitus).
 * - The search statistics triggers of `chunks` update co-located tables of the same tenant, so
 *   they are safe to run on the shards (`citus.enable_unsafe_triggers` for the conversion).
 */

/** Global tables kept as plain tables on the coordinator, and why. */
export const COORDINATOR_TABLES: Readonly<Record<string, string>> = {
  rate_limits:
    'a counter written on every limited request and never joined: a reference table would ' +
    'write every hit to every node',
};

/** The tenant tables' co-location anchor: the conversion distributes it first. */
const ANCHOR_TABLE = 'conversations';

export interface CitusLayout {
  distributed: string[];
  reference: string[];
  coordinator: string[];
}

type Client = postgres.Sql | postgres.TransactionSql;

export async function hasCitus(client: Client): Promise<boolean> {
  const rows = await client.unsafe(`select 1 from pg_extension where extname = 'citus'`);
  return rows.length > 0;
}

/**
 * Before the numbered migrations of a Citus database that has nothing distributed yet (a new
 * database), turns DDL propagation off for the migrating session: the first migration's
 * `CREATE EXTENSION IF NOT EXISTS vector` would otherwise be re-sent to the workers as the owner,
 * who does not own the extension there (a superuser created it on every node), and fail. With
 * no distributed table there is nothing to propagate to; the functions and types the tables
 * need reach the workers with the tables when they are distributed. Later migrations run with
 * propagation on, so a change to a distributed table reaches its shards.
 */
export async function prepareCitusMigrations(client: postgres.Sql): Promise<void> {
  if (!(await hasCitus(client))) return;
  if ((await convertedTables(client)).size > 0) return;
  await client.unsafe(`set citus.enable_ddl_propagation to off`);
}

/** What the catalogue says should be distributed, referenced or kept, by table name. */
async function plannedLayout(client: Client): Promise<CitusLayout> {
  const tables = await client.unsafe<{ name: string; tenant_owned: boolean }[]>(`
    select c.relname as name,
           exists (select 1 from pg_attribute a
                   where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_owned
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`);
  const layout: CitusLayout = { distributed: [], reference: [], coordinator: [] };
  for (const { name, tenant_owned } of tables) {
    if (tenant_owned) layout.distributed.push(name);
    else if (name in COORDINATOR_TABLES) layout.coordinator.push(name);
    else layout.reference.push(name);
  }
  return layout;
}

async function convertedTables(client: Client): Promise<Set<string>> {
  const rows = await client.unsafe<{ name: string }[]>(`
    select c.relname as name from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid
    where c.relnamespace = 'public'::regnamespace`);
  return new Set(rows.map((row) => row.name));
}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Foreign keys that touch a table about to be converted (both ends are public tables). */
async function foreignKeysTouching(client: Client, tables: string[]): Promise<ForeignKey[]> {
  return client.unsafe<ForeignKey[]>(
    `select src.relname as table, con.conname as name, pg_get_constraintdef(con.oid) as definition
     from pg_constraint con
     join pg_class src on src.oid = con.conrelid
     join pg_class dst on dst.oid = con.confrelid
     where con.contype = 'f' and src.relnamespace = 'public'::regnamespace
       and (src.relname = any($1::text[]) or dst.relname = any($1::text[]))
     order by 1, 2`,
    [tables],
  );
}

/**
 * Converts what is not converted yet, in one transaction: a failure leaves the schema as it was.
 * Returns the layout, or null when the database has no Citus.
 */
export async function distributeOnCitus(client: postgres.Sql): Promise<CitusLayout | null> {
  if (!(await hasCitus(client))) return null;
  await client.unsafe(`reset citus.enable_ddl_propagation`);
  await client.unsafe(`
    do $$ begin
      execute format('alter database %I set citus.propagate_set_commands = %L', current_database(), 'local');
    end $$`);
  const layout = await plannedLayout(client);
  const done = await convertedTables(client);
  const pendingReference = layout.reference.filter((table) => !done.has(table));
  const pendingDistributed = layout.distributed.filter((table) => !done.has(table));
  if (pendingReference.length + pendingDistributed.length > 0) {
    await convert(client, layout, pendingReference, pendingDistributed);
  }
  await client.begin(async (tx) => {
    await tx.unsafe(`set local citus.enable_unsafe_triggers to on`);
    await tx.unsafe(searchTriggersSql);
  });
  await distributeFunctions(client);
  return layout;
}

async function convert(
  client: postgres.Sql,
  layout: CitusLayout,
  pendingReference: string[],
  pendingDistributed: string[],
): Promise<void> {
  await distributeFunctions(client);

  await client.begin(async (tx) => {
    // The conversion's DDL must run over one connection per node, in order.
    await tx.unsafe(`set local citus.multi_shard_modify_mode to 'sequential'`);
    await tx.unsafe(`set local citus.enable_unsafe_triggers to on`);
    const keys = await foreignKeysTouching(tx, [...pendingReference, ...pendingDistributed]);
    for (const key of keys) {
      await tx.unsafe(`alter table ${ident(key.table)} drop constraint ${ident(key.name)}`);
    }
    for (const table of pendingReference) {
      await tx.unsafe(`select create_reference_table($1)`, [table]);
    }
    const anchor = layout.distributed.includes(ANCHOR_TABLE) ? ANCHOR_TABLE : layout.distributed[0];
    const ordered = [...pendingDistributed].sort(
      (a, b) => Number(b === anchor) - Number(a === anchor),
    );
    for (const table of ordered) {
      const colocateWith = table === anchor ? 'none' : anchor!;
      await tx.unsafe(`select create_distributed_table($1, 'tenant_id', colocate_with => $2)`, [
        table,
        colocateWith,
      ]);
    }
    for (const key of keys) {
      if (refusedByCitus(key)) continue;
      await tx.unsafe(
        `alter table ${ident(key.table)} add constraint ${ident(key.name)} ${key.definition}`,
      );
    }
  });
}

/**
 * The schema's own functions (not those of extensions) on every node: the triggers that run on
 * the shards call helpers Citus does not know they depend on (search statistics), and a new
 * migration's function reaches the workers the same way.
 */
async function distributeFunctions(client: postgres.Sql): Promise<void> {
  const functions = await client.unsafe<{ signature: string }[]>(`
    select p.oid::regprocedure::text as signature from pg_proc p
    where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
      and not exists (select 1 from pg_depend d
                      where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
      and not exists (select 1 from pg_dist_object o
                      where o.classid = 'pg_proc'::regclass and o.objid = p.oid)`);
  for (const { signature } of functions) {
    await client.unsafe(`select create_distributed_function($1)`, [signature]);
  }
}

/**
 * Citus refuses ON DELETE SET NULL / SET DEFAULT on a foreign key that includes the
 * distribution column, even when only other columns are set (`SET NULL (document_id)`). The one
 * such key, website_pages -> documents, is left out on Citus: deleting a document then leaves
 * its page pointing at a missing id, which the crawler already treats as "no document yet"
 * (page-store.ts looks the id up and stores a new document when it is gone).
 */
function refusedByCitus(key: ForeignKey): boolean {
  return (
    /\btenant_id\b/.test(key.definition) && /ON DELETE SET (NULL|DEFAULT)/i.test(key.definition)
  );
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
