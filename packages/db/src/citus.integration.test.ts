import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COORDINATOR_TABLES } from './citus';
import { readDbEnv } from './env';
import { migratePostgresServer } from './migrate';
import { openTestDatabase, type TestDatabase } from './testing';

// The catalogue of a Citus cluster: every tenant table distributed by tenant_id in one
// co-location group, every other table where citus.ts says. On PGlite or a single Postgres
// there is nothing to check: the tests skip and say so.

interface CitusTable {
  table_name: string;
  citus_table_type: string;
  distribution_column: string;
  colocation_id: number;
}

let t: TestDatabase;
let owner: postgres.Sql | null = null;
let onCitus = false;

beforeAll(async () => {
  t = await openTestDatabase();
  if (t.kind !== 'postgres') return;
  const env = readDbEnv();
  owner = postgres(env.DATABASE_OWNER_URL ?? env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  onCitus = (await owner`select 1 from pg_extension where extname = 'citus'`).length > 0;
});

afterAll(async () => {
  await owner?.end({ timeout: 5 });
  await t.close();
});

function skipUnlessCitus(ctx: { skip: () => void }): postgres.Sql {
  if (!onCitus || !owner) {
    console.info(`Citus catalogue check skipped: the ${t.kind} database has no citus extension.`);
    ctx.skip();
  }
  return owner!;
}

async function publicTables(sql: postgres.Sql) {
  return sql<{ name: string; tenant_owned: boolean }[]>`
    select c.relname as name,
           exists (select 1 from pg_attribute a
                   where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_owned
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition`;
}

async function citusTables(sql: postgres.Sql): Promise<Map<string, CitusTable>> {
  const rows = await sql<CitusTable[]>`
    select table_name::text, citus_table_type, distribution_column, colocation_id
    from citus_tables where table_name::text not like '%.%'`;
  return new Map(rows.map((row) => [row.table_name, row]));
}

describe('the Citus catalogue', () => {
  it('distributes every tenant table by tenant_id, all co-located in one group', async (ctx) => {
    const sql = skipUnlessCitus(ctx);
    const tables = await publicTables(sql);
    const citus = await citusTables(sql);
    const tenantTables = tables.filter((table) => table.tenant_owned).map((table) => table.name);
    expect(tenantTables.length).toBeGreaterThan(10);

    const wrong = tenantTables.filter((name) => {
      const entry = citus.get(name);
      return entry?.citus_table_type !== 'distributed' || entry.distribution_column !== 'tenant_id';
    });
    expect(wrong, 'tenant tables not distributed by tenant_id').toEqual([]);
    const groups = new Set(tenantTables.map((name) => citus.get(name)!.colocation_id));
    expect([...groups], 'tenant tables in more than one co-location group').toHaveLength(1);
  });

  it('makes tenants and the other global tables reference tables, except those kept on the coordinator', async (ctx) => {
    const sql = skipUnlessCitus(ctx);
    const tables = await publicTables(sql);
    const citus = await citusTables(sql);
    const globalTables = tables.filter((table) => !table.tenant_owned).map((table) => table.name);
    expect(globalTables).toContain('tenants');

    for (const name of globalTables) {
      const expected = name in COORDINATOR_TABLES ? undefined : 'reference';
      expect(citus.get(name)?.citus_table_type, name).toBe(expected);
    }
  });

  it("spreads the tenant tables' shards over the workers", async (ctx) => {
    const sql = skipUnlessCitus(ctx);
    const [row] = await sql<{ nodes: number }[]>`
      select count(distinct s.nodeport)::int as nodes
      from citus_shards s where s.table_name = 'conversations'::regclass`;
    expect(row!.nodes).toBeGreaterThanOrEqual(2);
  });

  it('distributes a tenant table added later on the next migration run', async (ctx) => {
    const sql = skipUnlessCitus(ctx);
    const table = `later_tenant_table_${Math.random().toString(36).slice(2, 8)}`;
    await sql.unsafe(
      `create table ${table} (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id))`,
    );
    try {
      await migratePostgresServer(readDbEnv().DATABASE_OWNER_URL ?? readDbEnv().DATABASE_URL!);
      const citus = await citusTables(sql);
      const conversations = citus.get('conversations')!;
      expect(citus.get(table)).toMatchObject({
        citus_table_type: 'distributed',
        distribution_column: 'tenant_id',
        colocation_id: conversations.colocation_id,
      });
    } finally {
      await sql.unsafe(`drop table ${table}`);
    }
  });
});
