export interface RankedItem {
  id: string;
  score: number;
  /** Multiplier for the item's source (FAQ entries > passages). */
  boost: number;
}

export interface RankedList {
  name: 'lexical' | 'vector';
  items: RankedItem[];
}

export interface FusedItem {
  id: string;
  score: number;
  scores: Partial<Record<RankedList['name'], number>>;
}

/** The usual reciprocal-rank-fusion constant: damps the difference between the top few ranks. */
export const RRF_K = 60;

/**
 * One list: its own scores, boosted. Several: reciprocal rank fusion, boosted. RRF needs no
 * calibration between BM25 (unbounded, corpus-dependent) and cosine similarity (0..1), and a
 * passage that both methods rank well rises above one that only one of them likes.
 */
export function fuseRankings(lists: RankedList[]): FusedItem[] {
  const nonEmpty = lists.filter((l) => l.items.length > 0);
  const fused = new Map<string, FusedItem & { boost: number; rrf: number }>();
  for (const list of nonEmpty) {
    list.items.forEach((item, rank) => {
      const entry = fused.get(item.id) ?? {
        id: item.id,
        score: 0,
        scores: {},
        boost: item.boost,
        rrf: 0,
      };
      entry.scores[list.name] = item.score;
      entry.rrf += 1 / (RRF_K + rank + 1);
      fused.set(item.id, entry);
    });
  }
  const single = nonEmpty.length === 1;
  return [...fused.values()]
    .map(({ id, scores, boost, rrf }) => ({
      id,
      scores,
      score: (single ? Object.values(scores)[0]! : rrf) * boost,
    }))
    .sort((a, b) => b.score - a.score);
}
