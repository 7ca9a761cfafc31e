import type { MessageSource, Passage } from './types';

/** The passage ids an answer cites as `[n]`, in order of first mention. */
export function citedIds(answer: string): number[] {
  const ids = [...answer.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
  return [...new Set(ids)];
}

/**
 * The sources the widget shows under an answer: the passages it cites, as document + page.
 * An answer that cites nothing but was built from passages lists those it was given, so a
 * customer can still check it; ids that match no passage are ignored. Two passages of the same
 * document and page are one source (the first cited).
 */
export function sourcesFor(answer: string, passages: Passage[]): MessageSource[] {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const cited = citedIds(answer).flatMap((id) => byId.get(id) ?? []);
  return onePerPage(cited.length ? cited : passages).map((p) => ({
    n: p.id,
    chunkId: p.chunkId,
    documentId: p.documentId,
    title: p.title,
    page: p.page,
    heading: p.heading,
    score: p.score,
  }));
}

function onePerPage(passages: Passage[]): Passage[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    const key = `${p.documentId}\u0000${p.page ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
