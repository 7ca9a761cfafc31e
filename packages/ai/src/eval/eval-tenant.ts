import { randomUUID } from 'node:crypto';
import { createTenant, type Database } from '@replyline/db';
import { processDocument, searchKnowledge, type KnowledgeDeps } from '@replyline/rag';
import { ingestSet, type EvalSet } from '@replyline/rag/eval';
import { firstMessageContext, type TurnContext } from '../engine/turn-context';
import type { KnowledgeSearch } from '../retrieval/retrieve-passages';

/** One set's documents in a tenant of their own, and what is needed to ask it questions. */
export interface EvalTenant {
  context: TurnContext;
  /** The tenant's knowledge search; each distinct search runs once (both engines share it). */
  search: KnowledgeSearch;
  /** The set's document ids a stored document stands for. */
  evalIds(documentId: string): string[];
}

/**
 * Loads a set into a fresh tenant through the product's ingestion (FAQ import; text documents
 * chunked and indexed as the worker does, here in-process).
 */
export async function loadEvalTenant(db: Database, set: EvalSet): Promise<EvalTenant> {
  const slug = `answers-${randomUUID().slice(0, 8)}`;
  const { tenantId } = await createTenant(db, {
    name: `Eval ${set.name}`,
    slug,
    language: set.language,
  });
  const deps: KnowledgeDeps = { db, queue: { send: async () => null } };
  const byDocument = await ingestSet(deps, tenantId, set.documents, (documentId) =>
    processDocument(deps, tenantId, documentId),
  );
  return {
    context: firstMessageContext({ name: `Eval ${set.name}`, language: set.language }),
    search: memoized((text, options) => searchKnowledge(db, tenantId, text, options)),
    evalIds: (documentId) => byDocument.get(documentId) ?? [],
  };
}

function memoized(search: KnowledgeSearch): KnowledgeSearch {
  const cache = new Map<string, ReturnType<KnowledgeSearch>>();
  return (text, options) => {
    const key = `${options.limit}\u0000${options.language ?? ''}\u0000${text}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = search(text, options);
      cache.set(key, hit);
    }
    return hit;
  };
}
