/**
 * Retrieval metrics. `ranked` is a system's answer (document ids, best first); `relevant` are the
 * gold ids of the query. A repeated id in `ranked` still takes a slot but is counted once.
 */

/**
 * Recall@k: the share of the relevant documents found in the top `k`
 * (|relevant ∩ top-k| / |relevant|). With one relevant document per query (most queries here)
 * it is 1 when that document is in the top `k` and 0 otherwise. A query without relevant
 * documents scores 0.
 */
export function recallAt(
  ranked: readonly string[],
  relevant: readonly string[],
  k: number,
): number {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  const gold = new Set(relevant);
  if (gold.size === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  let found = 0;
  for (const id of gold) if (top.has(id)) found += 1;
  return found / gold.size;
}

/** 1 / rank of the first relevant document in `ranked` (1-based), or 0 when none is there. */
export function reciprocalRank(ranked: readonly string[], relevant: readonly string[]): number {
  const gold = new Set(relevant);
  const index = ranked.findIndex((id) => gold.has(id));
  return index === -1 ? 0 : 1 / (index + 1);
}

/** The `p`-th percentile (0..100) with linear interpolation between closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lo = sorted[lower] as number;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (position - lower);
}

/** One evaluated query. */
export interface QueryResult {
  queryId: string;
  /** Document ids returned, best first. */
  ranked: string[];
  relevant: string[];
  /** Wall time of the search call, in milliseconds. */
  latencyMs: number;
}

export interface Summary {
  /** Mean Recall@1, @5 and @10 over the queries (0..1). */
  recall1: number;
  recall5: number;
  recall10: number;
  /** Mean reciprocal rank over what the system returned (the evaluation asks for 10: MRR@10). */
  mrr: number;
  /** Median and 95th percentile of the per-query latency, in milliseconds (NaN without queries). */
  p50Ms: number;
  p95Ms: number;
  queries: number;
}

export function summarize(results: readonly QueryResult[]): Summary {
  const n = results.length;
  const mean = (f: (r: QueryResult) => number) =>
    n === 0 ? 0 : results.reduce((sum, r) => sum + f(r), 0) / n;
  const latencies = results.map((r) => r.latencyMs);
  return {
    recall1: mean((r) => recallAt(r.ranked, r.relevant, 1)),
    recall5: mean((r) => recallAt(r.ranked, r.relevant, 5)),
    recall10: mean((r) => recallAt(r.ranked, r.relevant, 10)),
    mrr: mean((r) => reciprocalRank(r.ranked, r.relevant)),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    queries: n,
  };
}
