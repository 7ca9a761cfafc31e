import { performance } from 'node:perf_hooks';
import type { EvalSet } from './datasets';
import { summarize, type QueryResult, type Summary } from './metrics';
import type { RetrievalSystem } from './types';

/** How many results each query asks for: enough for Recall@10 and MRR@10. */
export const EVAL_DEPTH = 10;

export interface EvaluateOptions {
  /** Receives every query's result (for per-query reports or debugging). */
  onResult?: (result: QueryResult) => void;
}

/**
 * Indexes `set` into `system`, runs every query once and summarises the results. Each search is
 * timed alone with `performance.now()`; one untimed search first warms up caches, JIT and
 * prepared statements so the first timed query does not pay for them. Indexing is not timed.
 *
 * A system that returns an id that is not a document of the set, or the same id twice, is
 * reported as an error rather than scored: both are bugs that would silently distort the numbers.
 */
export async function evaluate(
  system: RetrievalSystem,
  set: EvalSet,
  options: EvaluateOptions = {},
): Promise<Summary> {
  await system.index(set);
  const known = new Set(set.documents.map((d) => d.id));
  const [first] = set.queries;
  if (first) await system.search(first.text, EVAL_DEPTH);

  const results: QueryResult[] = [];
  for (const query of set.queries) {
    const started = performance.now();
    const returned = await system.search(query.text, EVAL_DEPTH);
    const latencyMs = performance.now() - started;
    checkRanking(system, set, query.id, returned, known);
    const result: QueryResult = {
      queryId: query.id,
      ranked: returned.slice(0, EVAL_DEPTH),
      relevant: query.relevantIds,
      latencyMs,
    };
    options.onResult?.(result);
    results.push(result);
  }
  return summarize(results);
}

function checkRanking(
  system: RetrievalSystem,
  set: EvalSet,
  queryId: string,
  ids: string[],
  known: Set<string>,
): void {
  const where = `${system.name} on ${set.name}, query ${queryId}`;
  if (!Array.isArray(ids))
    throw new Error(`${where}: search() must return an array of document ids`);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(
      `${where}: returned id(s) that are not documents of the set: ${unknown.slice(0, 3).join(', ')}`,
    );
  }
  if (new Set(ids).size !== ids.length)
    throw new Error(`${where}: returned the same document twice`);
}
