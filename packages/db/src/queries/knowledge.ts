import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { chunks, documents, faqEntries } from '../schema';
import type { TenantDb, TenantId } from '../scope';

/** Multiplies the retrieval score of FAQ chunks: a curated answer beats a passage that happens to match. */
export const FAQ_BOOST = 1.5;

export function contentHash(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

export interface FaqEntryInput {
  question: string;
  answer: string;
  /** The tenant's text-search configuration, e.g. 'english'. */
  language: string;
  embedding?: number[] | null;
}

/**
 * Stores one FAQ entry as what retrieval needs: the entry, a ready document titled with the
 * question (for citations), and one chunk whose title (the question) is weighted up in search.
 * The same question and answer twice in a tenant is stored once.
 */
export async function insertFaqEntry(tx: TenantDb, tenantId: TenantId, entry: FaqEntryInput) {
  const hash = contentHash('faq', entry.question, entry.answer);
  const [doc] = await tx
    .insert(documents)
    .values({
      tenantId,
      kind: 'faq',
      title: entry.question,
      contentHash: hash,
      sizeBytes: entry.question.length + entry.answer.length,
      status: 'ready',
      pagesTotal: 1,
      pagesDone: 1,
    })
    .onConflictDoNothing()
    .returning({ id: documents.id });
  if (!doc) {
    const [existing] = await tx
      .select({ documentId: documents.id, faqEntryId: faqEntries.id })
      .from(documents)
      .innerJoin(
        faqEntries,
        and(eq(faqEntries.tenantId, documents.tenantId), eq(faqEntries.documentId, documents.id)),
      )
      .where(and(eq(documents.tenantId, tenantId), eq(documents.contentHash, hash)));
    return { ...existing!, duplicate: true };
  }
  const [faq] = await tx
    .insert(faqEntries)
    .values({ tenantId, question: entry.question, answer: entry.answer, documentId: doc.id })
    .returning({ id: faqEntries.id });
  await tx.insert(chunks).values({
    tenantId,
    documentId: doc.id,
    ordinal: 0,
    title: entry.question,
    heading: entry.question,
    content: entry.answer,
    language: entry.language,
    embedding: entry.embedding ?? null,
    tokenCount: approximateTokens(`${entry.question} ${entry.answer}`),
    boost: FAQ_BOOST,
  });
  return { documentId: doc.id, faqEntryId: faq!.id, duplicate: false };
}

/** Roughly four characters a token; exact counts come from the model provider. */
export function approximateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
