// Benchmark helpers other packages' benches use too: the synthetic corpus, and the bench
// database with its bulk loader on a Postgres server (see bench-database.ts and bulk-load.ts).
export { createTextGenerator, insertSyntheticChunks } from './synthetic-corpus';
export { emptyBenchDatabase, openBenchDatabase, type BenchDatabase } from './bench-database';
export { prepareBenchDataset, SEARCH_TABLES, type WantedTenant } from './bench-dataset';
export { budgetLine } from './budget-line';
export { readBenchEnv } from './env';
