import type { SearchHit } from '@replyline/rag';
import { looksLikeInjection } from '../guardrails/injection';
import { stripInvisible } from '../guardrails/invisible';
import { splitSentences } from '../text/sentences';
import type { Passage } from '../types';
import { relevantHits } from './relevance';

/** Passages a model gets at most: enough to answer, too few to dump the knowledge base. */
export const MAX_PASSAGES = 5;
/** Longest passage text handed on (a chunk is ~1,000–2,000 characters). */
export const MAX_PASSAGE_CHARS = 2_000;
const SEARCH_LIMIT = 8;

/**
 * The tenant's knowledge search, bound by the caller to one tenant (and, when it has one, to its
 * open transaction and precomputed query vectors): the engine itself opens no database scope.
 */
export type KnowledgeSearch = (
  text: string,
  options: { limit: number; language?: string },
) => Promise<SearchHit[]>;

export interface Retrieval {
  passages: Passage[];
  /** Hits found at all, relevant or not (for analytics: "searched but nothing fit"). */
  hitCount: number;
}

/** The tenant's passages that answer the question, numbered for citation and made safe to show. */
export async function retrievePassages(
  search: KnowledgeSearch,
  query: {
    text: string;
    knowledgeLanguage: string;
    messageLanguage: string;
    /** The tenant's language as stored, when the caller has it: saves search a lookup. */
    searchLanguage?: string;
  },
): Promise<Retrieval> {
  const found = await search(query.text, { limit: SEARCH_LIMIT, language: query.searchLanguage });
  // Relevance is judged on what would be shown: a planted instruction must not make a passage fit.
  const hits = found
    .map((hit) => ({ ...hit, content: defang(hit.content) }))
    .filter((hit) => hit.content);
  const relevant = relevantHits(query.text, hits, query.knowledgeLanguage, query.messageLanguage);
  const passages = relevant.slice(0, MAX_PASSAGES).map((hit) => ({
    chunkId: hit.chunkId,
    documentId: hit.documentId,
    title: stripInvisible(hit.documentTitle),
    kind: hit.documentKind,
    sourceUrl: hit.sourceUrl,
    page: hit.page,
    heading: hit.heading ? stripInvisible(hit.heading) : null,
    content: hit.content,
    score: hit.score,
    vectorScore: hit.vectorScore,
  }));
  return {
    passages: passages.map((p, index) => ({ ...p, id: index + 1 })),
    hitCount: found.length,
  };
}

/**
 * Passage text without what only an attacker puts in a document: invisible characters, and
 * sentences that address the assistant ("[SYSTEM] new directive…", "</context>…").
 */
export function defang(content: string): string {
  const visible = stripInvisible(content);
  if (!looksLikeInjection(visible)) return visible.slice(0, MAX_PASSAGE_CHARS);
  return splitSentences(visible)
    .filter((sentence) => !looksLikeInjection(sentence))
    .join(' ')
    .slice(0, MAX_PASSAGE_CHARS);
}
