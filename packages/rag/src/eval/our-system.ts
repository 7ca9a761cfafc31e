import { randomUUID } from 'node:crypto';
import { createTenant, openQueue, type PgBoss, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { addTextDocument } from '../ingest/add-documents';
import type { KnowledgeDeps } from '../ingest/deps';
import { addFaqEntries } from '../ingest/faq';
import { listDocuments } from '../ingest/manage';
import { startIngestionWorker } from '../ingest/worker';
import { searchKnowledge } from '../search/search';
import type { EvalDocument } from './datasets';
import type { RetrievalSystem } from './types';

/**
 * Our retrieval as the product runs it: every set goes into a fresh tenant through the real
 * ingestion path (FAQ import, text documents through the job queue and its worker), and each
 * query is a `searchKnowledge` call in that tenant's scope. On PGlite, or on the server named
 * by DATABASE_URL.
 */
export function createOurRetrieval(): RetrievalSystem {
  let database: TestDatabase | null = null;
  let boss: PgBoss | null = null;
  let tenantId: TenantId | null = null;
  let evalIdsByDocument = new Map<string, string[]>();

  async function deps(): Promise<KnowledgeDeps> {
    database ??= await openTestDatabase();
    if (!boss) {
      boss = await openQueue(database.queueTarget, { supervise: false, schedule: false });
      boss.on('error', () => undefined);
      await startIngestionWorker(boss, { db: database.db });
    }
    return { db: database.db, queue: boss };
  }

  return {
    name: 'ours (Postgres BM25, FAQ-weighted)',
    async index(set) {
      const knowledge = await deps();
      const slug = `eval-${randomUUID().slice(0, 8)}`;
      tenantId = (
        await createTenant(knowledge.db, { name: `Eval ${set.name}`, slug, language: set.language })
      ).tenantId;
      evalIdsByDocument = await ingestSet(knowledge, tenantId, set.documents);
      await waitUntilProcessed(knowledge, tenantId);
    },
    async search(query, k) {
      const hits = await searchKnowledge(database!.db, tenantId!, query, { limit: k * 4 });
      const ids = new Set<string>();
      for (const hit of hits)
        for (const id of evalIdsByDocument.get(hit.documentId) ?? []) if (ids.size < k) ids.add(id);
      return [...ids];
    },
    async close() {
      await boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
      await database?.close();
    },
  };
}

/**
 * Adds a set's documents to a tenant: FAQ entries in one import, text documents one by one
 * (each handed to `afterAdd`, e.g. to process it in-process instead of by the queue's worker).
 * Returns the set's document ids each stored document stands for.
 */
export async function ingestSet(
  knowledge: KnowledgeDeps,
  tenantId: TenantId,
  documents: EvalDocument[],
  afterAdd: (documentId: string) => Promise<unknown> = async () => undefined,
): Promise<Map<string, string[]>> {
  const byDocument = new Map<string, string[]>();
  const link = (documentId: string, evalId: string) =>
    byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), evalId]);

  const faqs = documents.filter((d) => d.kind === 'faq');
  if (faqs.length > 0) {
    const result = await addFaqEntries(
      knowledge,
      tenantId,
      faqs.map((d) => ({ question: d.question ?? '', answer: d.answer ?? '' })),
    );
    result.documentIds.forEach((documentId, index) => link(documentId, faqs[index]!.id));
  }
  for (const doc of documents.filter((d) => d.kind === 'text')) {
    const added = await addTextDocument(knowledge, tenantId, {
      title: doc.title ?? `Passage ${doc.id}`,
      text: doc.text ?? '',
      format: 'text',
    });
    await afterAdd(added.documentId);
    link(added.documentId, doc.id);
  }
  return byDocument;
}

/** Text documents are processed by the queue's worker; wait for all of them. */
async function waitUntilProcessed(knowledge: KnowledgeDeps, tenantId: TenantId) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const documents = await listDocuments(knowledge, tenantId);
    const failed = documents.filter((d) => d.status === 'failed');
    if (failed.length > 0)
      throw new Error(`Ingestion failed: ${failed[0]!.title}: ${failed[0]!.error}`);
    if (documents.every((d) => d.status === 'ready')) return;
    if (Date.now() > deadline) throw new Error('Ingestion did not finish within 10 minutes.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
