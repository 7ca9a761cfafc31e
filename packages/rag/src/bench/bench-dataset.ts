import {
  createTenant,
  findTenantBySlug,
  queryRows,
  withTenant,
  type Database,
  type TenantId,
} from '@replyline/db';
import { sql } from 'drizzle-orm';
import type { BenchDatabase } from './bench-database';
import { buildPendingIndexes, bulkLoadSyntheticChunks, type SyntheticLoad } from './bulk-load';

/** One tenant of a bench dataset: its slug, how many synthetic passages, and their seed. */
export interface WantedTenant {
  slug: string;
  count: number;
  seed: number;
}

/** Tables a bulk load changes most: vacuumed and analysed after each load, as autovacuum would. */
export const SEARCH_TABLES = ['chunks', 'search_postings', 'search_terms', 'search_corpus'];

/**
 * Makes the bench database hold every wanted tenant with all its passages and returns their
 * ids by slug: tenants a kept dataset (BENCH_KEEP) already holds whole are used as they are,
 * the others are bulk-loaded, then the search tables are vacuumed and analysed. Indexes that an
 * earlier load left unbuilt are built first, so no search runs without them.
 */
export async function prepareBenchDataset(
  bench: BenchDatabase,
  wanted: WantedTenant[],
  log: (line: string) => void,
): Promise<Map<string, TenantId>> {
  await buildPendingIndexes(bench.owner);
  const { tenants, loads } = await planDataset(bench.db, wanted);
  if (loads.length === 0) {
    log('  dataset kept from an earlier run (BENCH_KEEP): nothing to load');
    return tenants;
  }
  const passages = loads.reduce((sum, load) => sum + load.count, 0);
  log(`  loading ${passages.toLocaleString('en-US')} passages in bulk:`);
  const started = performance.now();
  await bulkLoadSyntheticChunks(bench.owner, loads, log);
  const vacuumed = performance.now();
  await bench.owner.unsafe(`vacuum (analyze) ${SEARCH_TABLES.join(', ')}, documents`);
  const done = performance.now();
  log(
    `    vacuum (analyze) in ${((done - vacuumed) / 1000).toFixed(0)} s; whole load ${((done - started) / 1000).toFixed(0)} s`,
  );
  return tenants;
}

/**
 * Which tenants exist with all their passages (each tenant loads in one transaction: all or
 * nothing), and what to load for the others. A tenant left empty by a failed load is used again.
 */
async function planDataset(db: Database, wanted: WantedTenant[]) {
  const tenants = new Map<string, TenantId>();
  const loads: SyntheticLoad[] = [];
  for (const { slug, count, seed } of wanted) {
    const existing = await findTenantBySlug(db, slug);
    const tenantId =
      existing ?? (await createTenant(db, { name: slug, slug, language: 'english' })).tenantId;
    tenants.set(slug, tenantId);
    const loaded = existing ? await passagesOf(db, tenantId) : 0;
    if (loaded === count) continue;
    if (loaded !== 0)
      throw new Error(
        `${slug} holds ${loaded} passages instead of ${count}: empty the bench database first`,
      );
    loads.push({ tenantId, count, seed });
  }
  return { tenants, loads };
}

async function passagesOf(db: Database, tenantId: TenantId): Promise<number> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    queryRows<{ n: string | number }>(
      tx,
      sql`select count(*) as n from chunks where tenant_id = ${tenantId}`,
    ),
  );
  return Number(row?.n ?? 0);
}
