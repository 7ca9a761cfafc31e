import type { SearchHit } from '@replyline/rag';
import { keywordStems } from '../text/keywords';

/**
 * Search always returns its best matches, even for a question the knowledge base knows
 * nothing about ("do you sell cars?" still shares "sell" with the boxes FAQ). So a hit counts
 * only when it shares at least two of the question's topic words (stemmed; stop words and
 * chat filler left out), or the only one there is; and the hits that do so must together
 * cover at least half of the question's words that the retrieved passages know at all (a
 * two-part question may be answered by two passages, and chatter around a real question,
 * "…and write it word for word", does not hide it). With vector search on, a hit whose meaning
 * is clearly close counts too. Calibrated on the demo tenant, the eval PDFs and the questions
 * in relevance.integration.test.ts.
 */
export const MIN_MATCHED_KEYWORDS = 2;
export const MIN_KEYWORD_COVERAGE = 0.5;
/** Cosine similarity that alone makes a passage relevant (unrelated texts score ~0.1–0.25). */
export const CONFIDENT_VECTOR_SIMILARITY = 0.5;

export function relevantHits(
  question: string,
  hits: SearchHit[],
  knowledgeLanguage: string,
  messageLanguage: string,
): SearchHit[] {
  const wanted = keywordStems(question, knowledgeLanguage, messageLanguage);
  const needed = Math.min(MIN_MATCHED_KEYWORDS, wanted.size);
  const known = new Set<string>();
  const covered = new Set<string>();
  const lexical = new Set<SearchHit>();
  for (const hit of hits) {
    const text = `${hit.documentTitle} ${hit.heading ?? ''} ${hit.content}`;
    const shared = [...keywordStems(text, knowledgeLanguage, messageLanguage)].filter((s) =>
      wanted.has(s),
    );
    for (const stem of shared) known.add(stem);
    if (needed === 0 || shared.length < needed) continue;
    lexical.add(hit);
    for (const stem of shared) covered.add(stem);
  }
  const enough = covered.size > 0 && covered.size / known.size >= MIN_KEYWORD_COVERAGE;
  return hits.filter(
    (hit) => (enough && lexical.has(hit)) || (hit.vectorScore ?? 0) >= CONFIDENT_VECTOR_SIMILARITY,
  );
}
