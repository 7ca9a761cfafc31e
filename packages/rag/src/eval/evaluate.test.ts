import { describe, expect, it } from 'vitest';
import type { EvalSet } from './datasets';
import { evaluate } from './evaluate';
import { belowBaseline, formatTable } from './report';
import type { RetrievalSystem } from './types';

const set: EvalSet = {
  name: 'fake',
  language: 'english',
  documents: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, kind: 'text' as const, text: id })),
  queries: [
    { id: 'q1', text: 'a', relevantIds: ['a'] },
    { id: 'q2', text: 'f', relevantIds: ['f'] },
  ],
};

/** Always returns the same ranking. */
function fixed(ranking: string[]): RetrievalSystem & { indexed: number; searches: number } {
  return {
    name: 'fixed',
    indexed: 0,
    searches: 0,
    async index() {
      this.indexed += 1;
    },
    async search(_query, k) {
      this.searches += 1;
      return ranking.slice(0, k);
    },
  };
}

describe('evaluate', () => {
  it('indexes once, runs every query (plus one warm-up) and summarises', async () => {
    const system = fixed(['a', 'b', 'c', 'd', 'e', 'f']);
    const seen: string[] = [];
    const summary = await evaluate(system, set, { onResult: (r) => seen.push(r.queryId) });
    expect(system.indexed).toBe(1);
    expect(system.searches).toBe(3);
    expect(seen).toEqual(['q1', 'q2']);
    expect(summary).toMatchObject({ recall1: 0.5, recall5: 0.5, recall10: 1, queries: 2 });
    expect(summary.mrr).toBeCloseTo((1 + 1 / 6) / 2, 12);
    expect(summary.p50Ms).toBeGreaterThanOrEqual(0);
    expect(summary.p95Ms).toBeGreaterThanOrEqual(summary.p50Ms);
  });

  it('rejects ids that are not documents of the set, and duplicates', async () => {
    await expect(evaluate(fixed(['a', 'zzz']), set)).rejects.toThrow(
      /not documents of the set: zzz/,
    );
    await expect(evaluate(fixed(['a', 'a']), set)).rejects.toThrow(/same document twice/);
  });
});

describe('formatTable', () => {
  it('aligns the columns', () => {
    const summary = {
      recall1: 0.5,
      recall5: 0.75,
      recall10: 1,
      mrr: 0.6,
      p50Ms: 1.234,
      p95Ms: 12.5,
      queries: 42,
    };
    const table = formatTable([
      { system: 'baseline', summary },
      { system: 'a much longer name', summary: { ...summary, p50Ms: NaN } },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toContain('0.750');
    expect(lines[3]).toContain(' - ');
  });
});

describe('belowBaseline', () => {
  const at = (recall5: number) => ({
    recall1: 0,
    recall5,
    recall10: 1,
    mrr: 0,
    p50Ms: 1,
    p95Ms: 1,
    queries: 10,
  });
  it('flags only the sets where our Recall@5 is lower; ties pass', () => {
    const verdicts = [
      { set: 'tie', baseline: at(0.7), ours: at(0.7) },
      { set: 'better', baseline: at(0.7), ours: at(0.8) },
      { set: 'worse', baseline: at(0.7), ours: at(0.69) },
      { set: 'rounding', baseline: at(0.3), ours: at(0.1 + 0.2) },
    ];
    expect(belowBaseline(verdicts).map((v) => v.set)).toEqual(['worse']);
  });
});
