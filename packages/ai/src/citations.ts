import type { MessageSource, Passage } from './types';

/** The passage ids an answer cites as `[n]`, in order of first mention. */
export function citedIds(answer: string): number[] {
  const ids = [...answer.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
  return [...new Set(ids)];
}

/**
 * The sources the widget shows under an answer: the passages it cites, as document + page.
 * An answer that cites nothing but was built from passages lists those it was given, so a
 * customer can still check it; ids that match no passage are ignored.
 */
export function sourcesFor(answer: string, passages: Passage[]): MessageSource[] {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const cited = citedIds(answer).flatMap((id) => byId.get(id) ?? []);
  return (cited.length ? cited : passages).map((p) => ({
    n: p.id,
    chunkId: p.chunkId,
    documentId: p.documentId,
    title: p.title,
    page: p.page,
    heading: p.heading,
    score: p.score,
  }));
}
