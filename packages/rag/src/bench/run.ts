// `pnpm bench` (knowledge part): PDF ingestion speed against pdftotext, and retrieval latency
// at 10k, 100k and 1M passages in one tenant with ten other tenants present, against a plain
// Postgres ts_rank query over the same data. Figures are printed, not asserted; each budget's
// figure also as a `[budget]` line, which `pnpm bench` repeats in its summary.
// On a Postgres server retrieval runs in the bench database beside the app's (see
// bench-database.ts), bulk-loaded in minutes; without one, and on PGlite, it runs in the test
// database at 10k and 100k as before and says why the 1M size was skipped.
// The sizes can be given as the first argument (`npx tsx src/bench/run.ts 10000,1000000`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createTenant,
  queryRows,
  readDbEnv,
  withTenant,
  type Database,
  type TenantId,
} from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { readEvalEnv } from '../eval/env';
import { addPdfDocument } from '../ingest/add-documents';
import { processDocument } from '../ingest/process-document';
import { searchKnowledge } from '../search/search';
import { emptyBenchDatabase, openBenchDatabase, type BenchDatabase } from './bench-database';
import { prepareBenchDataset, SEARCH_TABLES } from './bench-dataset';
import { budgetLine } from './budget-line';
import { readBenchEnv } from './env';
import { createTextGenerator, insertSyntheticChunks } from './synthetic-corpus';

const PRODUCT_BUDGETS = { pagesPerSecond: 50, retrievalP95Ms: 50, retrievalP95MsAt1M: 100 };
const SERVER_SIZES = [10_000, 100_000, 1_000_000];
/** Without the bench database the tenant grows in the shared test database, row by row. */
const TEST_DATABASE_SIZES = [10_000, 100_000];
const OTHER_TENANTS = 10;
const OTHER_TENANT_PASSAGES = 5_000;
const QUERIES = 200;
/** The plain ts_rank baseline takes seconds per question at 1M: fewer questions there. */
const BASELINE_QUERIES_AT_1M = 50;

const requestedSizes = process.argv[2]?.split(',').map(Number);
const t = await openTestDatabase();
console.log(
  `Knowledge benchmark on ${t.kind === 'pglite' ? 'embedded PGlite' : 'a Postgres server'}\n`,
);
await benchmarkPdfIngestion(t.db);
if (t.kind === 'pglite') {
  await benchmarkRetrievalInTestDatabase(t, requestedSizes ?? TEST_DATABASE_SIZES);
  console.log(
    '  1,000,000 passages: skipped on embedded PGlite; set DATABASE_URL and DATABASE_OWNER_URL to a Postgres server.',
  );
} else {
  const bench = await openBenchDatabase(readDbEnv());
  if ('missing' in bench) {
    await benchmarkRetrievalInTestDatabase(t, requestedSizes ?? TEST_DATABASE_SIZES);
    console.log(
      `  1,000,000 passages: skipped, the server has no database "${bench.missing}" (create it as the\n` +
        '    superuser like the app database, as .ci/start-postgres.sh does; see docs/performance.md).',
    );
  } else {
    await benchmarkRetrievalInBenchDatabase(bench, requestedSizes ?? SERVER_SIZES);
  }
}
await t.close();

async function benchmarkPdfIngestion(db: Database) {
  const file = `${readEvalEnv().evalDir}/pdfs/freeculture.pdf`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    console.warn(`PDF ingestion: SKIPPED, ${file} is not available (set EVAL_DIR).\n`);
    return;
  }
  const tenantId = await tenant(db, 'pdf');
  const queue = { send: async () => null };
  const started = performance.now();
  const { documentId } = await addPdfDocument({ db, queue }, tenantId, {
    filename: 'freeculture.pdf',
    bytes,
  });
  await processDocument({ db, queue }, tenantId, documentId);
  const seconds = (performance.now() - started) / 1000;
  const pages = 352;
  const baseline = timePdftotext(file);
  console.log('PDF ingestion to searchable (freeculture.pdf, 352 pages)');
  console.log(
    `  ours (extract in a capped worker + chunk + index): ${(pages / seconds).toFixed(0)} pages/s (${seconds.toFixed(2)} s)  budget >= ${PRODUCT_BUDGETS.pagesPerSecond}`,
  );
  console.log(
    baseline
      ? `  pdftotext (extraction only, the CPU bound):        ${(pages / baseline).toFixed(0)} pages/s (${baseline.toFixed(2)} s)\n`
      : '  pdftotext: not installed (apt-get install poppler-utils)\n',
  );
}

function timePdftotext(file: string): number | null {
  try {
    const started = performance.now();
    execFileSync('pdftotext', [file, '-'], {
      stdio: ['ignore', 'ignore', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return (performance.now() - started) / 1000;
  } catch {
    return null;
  }
}

/** Today's path without a bench database: one tenant grows in the test database, row by row. */
async function benchmarkRetrievalInTestDatabase(t: TestDatabase, sizes: number[]) {
  const { db } = t;
  console.log('Retrieval latency, one tenant, ten other tenants present (5,000 passages each)');
  const loading = performance.now();
  for (let i = 0; i < OTHER_TENANTS; i++)
    await insertSyntheticChunks(
      db,
      await tenant(db, `other-${i}`),
      OTHER_TENANT_PASSAGES,
      1_000 + i,
    );
  console.log(`  (other tenants loaded in ${((performance.now() - loading) / 1000).toFixed(0)} s)`);
  const tenantId = await tenant(db, 'measured');
  let size = 0;
  for (const target of sizes) {
    const started = performance.now();
    await insertSyntheticChunks(db, tenantId, target - size, target);
    size = target;
    const loadSeconds = (performance.now() - started) / 1000;
    await t.vacuumAnalyze(SEARCH_TABLES);
    console.log(
      `  ${target.toLocaleString('en-US')} passages (loaded in ${loadSeconds.toFixed(0)} s):`,
    );
    await measureRetrieval(db, tenantId, target);
  }
}

/**
 * One tenant per size (`bench-size-<n>`) beside ten others, bulk-loaded into the bench database
 * unless a kept dataset (BENCH_KEEP) already holds them, then measured one size after another.
 */
async function benchmarkRetrievalInBenchDatabase(bench: BenchDatabase, sizes: number[]) {
  const { keepDataset } = readBenchEnv();
  console.log(
    `Retrieval latency in database "${bench.name}": one tenant per size, ten other tenants present (5,000 passages each)`,
  );
  try {
    const wanted = [
      ...Array.from({ length: OTHER_TENANTS }, (_, i) => ({
        slug: `bench-other-${i}`,
        count: OTHER_TENANT_PASSAGES,
        seed: 1_000 + i,
      })),
      ...sizes.map((size) => ({ slug: `bench-size-${size}`, count: size, seed: size })),
    ];
    const tenants = await prepareBenchDataset(bench, wanted, (line) => console.log(line));
    await printDatasetSize(bench.owner);
    for (const size of sizes) {
      console.log(`  ${size.toLocaleString('en-US')} passages:`);
      await measureRetrieval(bench.db, tenants.get(`bench-size-${size}`)!, size);
    }
  } finally {
    if (keepDataset) console.log('  dataset kept for the next run (BENCH_KEEP)\n');
    else {
      await emptyBenchDatabase(bench.owner);
      console.log('  dataset removed (set BENCH_KEEP=1 to keep it for the next run)\n');
    }
    await bench.close();
  }
}

async function printDatasetSize(owner: postgres.Sql) {
  const [row] = await owner<
    { size: string }[]
  >`select pg_size_pretty(pg_database_size(current_database())) as size`;
  console.log(`  (database size ${row?.size})`);
}

/** Times the product's search and the plain ts_rank baseline on one tenant, and prints both. */
async function measureRetrieval(db: Database, tenantId: TenantId, size: number) {
  const queries = questions(QUERIES);
  const ours = await timeQueries(queries, (q) =>
    searchKnowledge(db, tenantId, q, { language: 'english' }),
  );
  const baselineQueries = size >= 1_000_000 ? queries.slice(0, BASELINE_QUERIES_AT_1M) : queries;
  const tsRank = await timeQueries(baselineQueries, (q) => tsRankQuery(db, tenantId, q));
  const budget = budgetFor(size);
  console.log(
    `    ours (BM25 in SQL, top 8 with passages): p50 ${ours.p50.toFixed(1)} ms  p95 ${ours.p95.toFixed(1)} ms  budget p95 <= ${budget} ms`,
  );
  console.log(
    `    plain ts_rank over OR query (baseline):  p50 ${tsRank.p50.toFixed(1)} ms  p95 ${tsRank.p95.toFixed(1)} ms` +
      (baselineQueries.length < queries.length ? ` (${baselineQueries.length} questions)` : ''),
  );
  console.log(
    budgetLine({
      figure: `retrieval at ${size.toLocaleString('en-US')} passages`,
      value: `p50 ${ours.p50.toFixed(1)} ms, p95 ${ours.p95.toFixed(1)} ms`,
      budget: `p95 <= ${budget} ms`,
      met: ours.p95 <= budget,
      baseline: `plain ts_rank p50 ${tsRank.p50.toFixed(1)} ms, p95 ${tsRank.p95.toFixed(1)} ms`,
    }),
  );
}

/** The product's budgets: 100k passages in the tenant and below, then the 1M one. */
function budgetFor(chunksInTenant: number) {
  return chunksInTenant <= 100_000
    ? PRODUCT_BUDGETS.retrievalP95Ms
    : PRODUCT_BUDGETS.retrievalP95MsAt1M;
}

/** Chat-like questions: six words of the same distribution as the corpus. */
function questions(count: number) {
  const text = createTextGenerator(7);
  return Array.from({ length: count }, () => text.words(6));
}

async function timeQueries(queries: string[], run: (q: string) => Promise<unknown>) {
  for (const q of queries.slice(0, 10)) await run(q);
  const ms: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    await run(q);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length * 0.5)]!, p95: ms[Math.floor(ms.length * 0.95)]! };
}

function tsRankQuery(db: Database, tenantId: TenantId, q: string) {
  return withTenant(db, tenantId, (tx) =>
    queryRows(
      tx,
      sql`with q as (select replace(plainto_tsquery('english', ${q})::text, '&', '|')::tsquery as query)
          select id, content, ts_rank(tsv, q.query) as rank from chunks, q where tenant_id = ${tenantId} and tsv @@ q.query order by rank desc limit 8`,
    ),
  );
}

async function tenant(db: Database, name: string): Promise<TenantId> {
  const slug = `bench-${name}-${Date.now().toString(36)}`;
  return (await createTenant(db, { name, slug, language: 'english' })).tenantId;
}
