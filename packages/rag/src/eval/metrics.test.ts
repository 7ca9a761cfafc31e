import { describe, expect, it } from 'vitest';
import { percentile, recallAt, reciprocalRank, summarize, type QueryResult } from './metrics';

describe('recallAt', () => {
  it('is 1 when the single relevant document is within the top k, else 0', () => {
    const ranked = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(recallAt(ranked, ['a'], 1)).toBe(1);
    expect(recallAt(ranked, ['c'], 1)).toBe(0);
    expect(recallAt(ranked, ['c'], 3)).toBe(1);
    expect(recallAt(ranked, ['e'], 5)).toBe(1);
    expect(recallAt(ranked, ['f'], 5)).toBe(0);
    expect(recallAt(ranked, ['z'], 10)).toBe(0);
  });

  it('is the share of several relevant documents found', () => {
    const ranked = ['a', 'b', 'c', 'd'];
    expect(recallAt(ranked, ['b', 'x'], 5)).toBe(0.5);
    expect(recallAt(ranked, ['a', 'd'], 1)).toBe(0.5);
    expect(recallAt(ranked, ['a', 'd'], 4)).toBe(1);
    expect(recallAt(ranked, ['a', 'c', 'x', 'y'], 3)).toBe(0.5);
  });

  it('counts repeated ids once and ignores duplicate gold ids', () => {
    expect(recallAt(['a', 'a', 'b'], ['a'], 3)).toBe(1);
    expect(recallAt(['a', 'a', 'b'], ['b'], 2)).toBe(0);
    expect(recallAt(['a'], ['a', 'a'], 1)).toBe(1);
  });

  it('handles empty rankings, empty gold and k beyond the list', () => {
    expect(recallAt([], ['a'], 5)).toBe(0);
    expect(recallAt(['a'], [], 5)).toBe(0);
    expect(recallAt(['a', 'b'], ['b'], 100)).toBe(1);
  });

  it('rejects a k that is not a positive integer', () => {
    expect(() => recallAt(['a'], ['a'], 0)).toThrow();
    expect(() => recallAt(['a'], ['a'], 1.5)).toThrow();
  });
});

describe('reciprocalRank', () => {
  it('is 1 / the rank of the first relevant document', () => {
    expect(reciprocalRank(['a', 'b', 'c'], ['a'])).toBe(1);
    expect(reciprocalRank(['a', 'b', 'c'], ['b'])).toBe(0.5);
    expect(reciprocalRank(['a', 'b', 'c', 'd'], ['d', 'c'])).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['a', 'b', 'c'], ['x'])).toBe(0);
    expect(reciprocalRank([], ['x'])).toBe(0);
  });
});

describe('percentile', () => {
  it('interpolates linearly between closest ranks', () => {
    expect(percentile([5], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 0)).toBe(1);
    expect(percentile([4, 1, 3, 2], 100)).toBe(4);
    // 1..20: position 0.95 * 19 = 18.05 -> 19 + 0.05
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95,
      ),
    ).toBeCloseTo(19.05, 10);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  const result = (ranked: string[], relevant: string[], latencyMs: number): QueryResult => ({
    queryId: `q${latencyMs}`,
    ranked,
    relevant,
    latencyMs,
  });

  it('averages recall and reciprocal rank over queries and takes latency percentiles', () => {
    const ten = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10'];
    const s = summarize([
      result(ten, ['d1'], 1), // rank 1
      result(ten, ['d3'], 2), // rank 3
      result(ten, ['d7'], 3), // rank 7
      result(ten, ['x'], 10), // not found
    ]);
    expect(s.queries).toBe(4);
    expect(s.recall1).toBe(0.25);
    expect(s.recall5).toBe(0.5);
    expect(s.recall10).toBe(0.75);
    expect(s.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 7 + 0) / 4, 12);
    expect(s.p50Ms).toBe(2.5);
    expect(s.p95Ms).toBeCloseTo(3 + 0.85 * 7, 10); // position 0.95 * 3 = 2.85
  });

  it('returns zero scores and NaN latencies for no queries', () => {
    expect(summarize([])).toEqual({
      recall1: 0,
      recall5: 0,
      recall10: 0,
      mrr: 0,
      p50Ms: NaN,
      p95Ms: NaN,
      queries: 0,
    });
  });
});
