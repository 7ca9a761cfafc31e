import { randomUUID } from 'node:crypto';
import {
  asTenantId,
  createTenant,
  queryRows,
  readDbEnv,
  schema,
  withTenant,
  type TenantId,
} from '@replyline/db';
import { eq, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBenchDatabase, type BenchDatabase } from './bench-database';
import { buildPendingIndexes, bulkLoadSyntheticChunks } from './bulk-load';
import { insertSyntheticChunks } from './synthetic-corpus';

/**
 * The bulk loader needs a Postgres server with the bench database (`.ci/start-postgres.sh`
 * creates it); on PGlite these tests are skipped. They add a few small tenants and remove
 * them again. A bench database that holds a kept dataset (BENCH_KEEP) is left alone: dropping
 * and building its indexes would take minutes.
 */
const server = Boolean(readDbEnv().DATABASE_URL);
/** Above this the bench database holds a kept dataset, not a leftover of a test. */
const KEPT_DATASET_BYTES = 64 * 1024 * 1024;

describe.runIf(server)('bulk load into the bench database', () => {
  let bench: BenchDatabase | null = null;
  let skipReason = '';
  let indexesBefore: string[] = [];
  const created: TenantId[] = [];

  beforeAll(async () => {
    const opened = await openBenchDatabase(readDbEnv());
    if ('missing' in opened) {
      skipReason = `the server has no database "${opened.missing}"`;
      return;
    }
    bench = opened;
    await buildPendingIndexes(bench.owner);
    const [size] = await bench.owner<
      { bytes: string }[]
    >`select pg_total_relation_size('search_postings') as bytes`;
    if (Number(size?.bytes) > KEPT_DATASET_BYTES)
      skipReason = 'the bench database holds a kept dataset (BENCH_KEEP)';
    indexesBefore = await searchIndexes(bench.owner);
  }, 240_000);

  afterAll(async () => {
    if (!bench) return;
    for (const tenantId of created) await deleteTenant(bench, tenantId);
    await bench.close();
  });

  async function newTenant(owner: BenchDatabase) {
    const slug = `bulk-load-test-${randomUUID().slice(0, 8)}`;
    const { tenantId } = await createTenant(owner.db, { name: slug, slug, language: 'english' });
    created.push(tenantId);
    return tenantId;
  }

  it('loads tenants side by side with the text, postings and statistics of a row-by-row insert, and builds the same indexes again', async (context) => {
    if (!bench || skipReason) return context.skip(skipReason);
    const [large, medium, small, reference] = [
      await newTenant(bench),
      await newTenant(bench),
      await newTenant(bench),
      await newTenant(bench),
    ];
    await bulkLoadSyntheticChunks(
      bench.owner,
      [
        { tenantId: small!, count: 60, seed: 3 },
        { tenantId: large!, count: 250, seed: 1 },
        { tenantId: medium!, count: 120, seed: 2 },
      ],
      () => {},
      2,
    );
    await insertSyntheticChunks(bench.db, reference!, 250, 1);

    expect(await searchIndexes(bench.owner)).toEqual(indexesBefore);
    expect(await pendingBuilds(bench.owner)).toBe(0);
    expect((await contentOf(bench, medium!)).passages).toBe(120);
    expect((await contentOf(bench, small!)).passages).toBe(60);
    expect(await contentOf(bench, large!)).toEqual(await contentOf(bench, reference!));
  });

  it('leaves a tenant whose load failed empty, the others whole, and the dropped indexes recorded until they are built', async (context) => {
    if (!bench || skipReason) return context.skip(skipReason);
    const loaded = await newTenant(bench);
    // No such tenant: its documents break their foreign key, so that connection's load fails.
    const missing = asTenantId(randomUUID());
    await expect(
      bulkLoadSyntheticChunks(
        bench.owner,
        [
          { tenantId: loaded, count: 150, seed: 4 },
          { tenantId: missing, count: 100, seed: 5 },
        ],
        () => {},
        2,
      ),
    ).rejects.toThrow(/foreign key/);

    // The other connection commits only tenants it finished (or, if it saw the failure
    // before starting one, none): never part of one.
    expect([0, 150]).toContain((await contentOf(bench, loaded)).passages);
    expect((await contentOf(bench, missing)).passages).toBe(0);
    expect(await pendingBuilds(bench.owner)).toBeGreaterThan(0);
    expect((await searchIndexes(bench.owner)).length).toBeLessThan(indexesBefore.length);

    await buildPendingIndexes(bench.owner);
    expect(await searchIndexes(bench.owner)).toEqual(indexesBefore);
    expect(await pendingBuilds(bench.owner)).toBe(0);
  });
});

/** The definitions of the indexes a bulk load drops and builds again. */
async function searchIndexes(owner: postgres.Sql): Promise<string[]> {
  const rows = await owner<{ definition: string }[]>`
    select indexdef as definition from pg_indexes
    where schemaname = 'public' and tablename in ('chunks', 'search_postings')
    order by indexname`;
  return rows.map((row) => row.definition);
}

async function pendingBuilds(owner: postgres.Sql): Promise<number> {
  const [row] = await owner<
    { n: number }[]
  >`select count(*)::int as n from bench.pending_index_builds`;
  return row?.n ?? 0;
}

/** A tenant's passages as a whole (the same text in any order) and what search keeps of them. */
async function contentOf(bench: BenchDatabase, tenantId: TenantId) {
  return withTenant(bench.db, tenantId, async (tx) => {
    const [passages] = await queryRows<{ passages: number; text: string | null }>(
      tx,
      sql`select count(*)::int as passages, md5(string_agg(content, E'\n' order by content)) as text
          from chunks where tenant_id = ${tenantId}`,
    );
    const [postings] = await queryRows<{ postings: number; tf: string | null }>(
      tx,
      sql`select count(*)::int as postings, sum(tf)::text as tf
          from search_postings where tenant_id = ${tenantId}`,
    );
    const [terms] = await queryRows<{ terms: number; docFreq: string | null }>(
      tx,
      sql`select count(*)::int as terms, sum(doc_freq)::text as "docFreq"
          from search_terms where tenant_id = ${tenantId}`,
    );
    const [corpus] = await queryRows<{ chunks: string; length: string }>(
      tx,
      sql`select chunk_count::text as chunks, total_length::text as length
          from search_corpus where tenant_id = ${tenantId}`,
    );
    return { ...passages!, ...postings!, ...terms!, corpus: corpus ?? null };
  });
}

/** As a workspace deletion does: in the tenant's scope, so the passages' triggers see their postings. */
async function deleteTenant(bench: BenchDatabase, tenantId: TenantId) {
  await withTenant(bench.db, tenantId, (tx) =>
    tx.delete(schema.tenants).where(eq(schema.tenants.id, tenantId)),
  );
}
