import { describe, expect, it } from 'vitest';
import { fuseRankings, RRF_K } from './fusion';

describe('fuseRankings', () => {
  it('keeps one list in its own order of boosted scores', () => {
    const fused = fuseRankings([
      {
        name: 'lexical',
        items: [
          { id: 'a', score: 10, boost: 1 },
          { id: 'faq', score: 8, boost: 1.5 },
        ],
      },
    ]);
    expect(fused.map((f) => [f.id, f.score])).toEqual([
      ['faq', 12],
      ['a', 10],
    ]);
    expect(fused[0]!.scores).toEqual({ lexical: 8 });
  });

  it('ranks a passage both methods like above one only a single method likes', () => {
    const fused = fuseRankings([
      {
        name: 'lexical',
        items: [
          { id: 'lexical-only', score: 9, boost: 1 },
          { id: 'both', score: 5, boost: 1 },
        ],
      },
      {
        name: 'vector',
        items: [
          { id: 'vector-only', score: 0.9, boost: 1 },
          { id: 'both', score: 0.8, boost: 1 },
        ],
      },
    ]);
    expect(fused[0]).toMatchObject({ id: 'both', scores: { lexical: 5, vector: 0.8 } });
    expect(fused[0]!.score).toBeCloseTo(2 / (RRF_K + 2));
  });

  it('ignores an empty list rather than diluting the other', () => {
    const fused = fuseRankings([
      { name: 'lexical', items: [{ id: 'a', score: 3, boost: 1 }] },
      { name: 'vector', items: [] },
    ]);
    expect(fused).toEqual([{ id: 'a', score: 3, scores: { lexical: 3 } }]);
  });
});
