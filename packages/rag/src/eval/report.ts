import type { EvalSet } from './datasets';
import type { Summary } from './metrics';

export interface SystemRow {
  system: string;
  summary: Summary;
}

const HEADERS = [
  'system',
  'Recall@1',
  'Recall@5',
  'Recall@10',
  'MRR@10',
  'p50 ms',
  'p95 ms',
  'queries',
] as const;

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : '-';

/** One aligned plain-text table: a header, a rule, one row per system. */
export function formatTable(rows: readonly SystemRow[]): string {
  const cells = rows.map(({ system, summary: s }) => [
    system,
    fixed(s.recall1, 3),
    fixed(s.recall5, 3),
    fixed(s.recall10, 3),
    fixed(s.mrr, 3),
    fixed(s.p50Ms, 2),
    fixed(s.p95Ms, 2),
    String(s.queries),
  ]);
  return alignedTable(HEADERS, cells);
}

/** Plain-text columns: the first left-aligned, the others right-aligned, a rule under the header. */
export function alignedTable(headers: readonly string[], rows: readonly string[][]): string {
  const all = [[...headers], ...rows];
  const widths = headers.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0] as string[]), rule, ...rows.map(line)].join('\n');
}

/** One line on how the set was built: sizes, duplicates, dropped pairs. */
export function describeSet(set: EvalSet, totalQueries?: number): string {
  const s = set.stats;
  const parts = [`${set.documents.length} documents`, `${set.queries.length} queries`];
  if (s && s.queriesBeforeSampling !== set.queries.length)
    parts[1] += ` (sampled from ${s.queriesBeforeSampling})`;
  if (s?.positivePairs !== undefined) {
    parts.push(`${s.positivePairs} positive pairs, ${s.unmatchedPairs ?? 0} unmatched (dropped)`);
  }
  if (s?.duplicateDocuments) parts.push(`${s.duplicateDocuments} duplicate documents merged`);
  if (s?.mergedQueries) parts.push(`${s.mergedQueries} duplicate queries merged`);
  if (s?.skippedQueries) parts.push(`${s.skippedQueries} placeholder queries skipped`);
  const multi = set.queries.filter((q) => q.relevantIds.length > 1).length;
  if (multi > 0) parts.push(`${multi} queries with several relevant documents`);
  if (totalQueries !== undefined) parts.push(`of ${totalQueries}`);
  return `${set.name} (${set.language}): ${parts.join(', ')}`;
}

export interface Verdict {
  set: string;
  baseline: Summary;
  ours: Summary;
}

/**
 * The sets on which our Recall@5 is below the baseline's. Recall values are means of exact
 * fractions; the tolerance only absorbs float rounding, so a tie passes.
 */
export function belowBaseline(verdicts: readonly Verdict[]): Verdict[] {
  return verdicts.filter((v) => v.ours.recall5 + 1e-9 < v.baseline.recall5);
}
