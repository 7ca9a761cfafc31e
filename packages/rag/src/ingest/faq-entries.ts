import { insertFaqEntry, schema, withTenant, type TenantDb, type TenantId } from '@replyline/db';
import { and, asc, eq } from 'drizzle-orm';
import { searchConfigFor } from '../languages';
import { ZFaqEntry, type TFaqEntry } from '../sources/faq-import';
import type { KnowledgeDeps } from './deps';

const { documents, faqEntries, tenants } = schema;

export interface FaqEntrySummary {
  id: string;
  question: string;
  answer: string;
  documentId: string | null;
  updatedAt: Date;
}

/** The tenant's FAQ entries, oldest first, those added together by question (the FAQ editor's list). */
export async function listFaqEntries(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
): Promise<FaqEntrySummary[]> {
  return withTenant(deps.db, tenantId, (tx) =>
    tx
      .select({
        id: faqEntries.id,
        question: faqEntries.question,
        answer: faqEntries.answer,
        documentId: faqEntries.documentId,
        updatedAt: faqEntries.updatedAt,
      })
      .from(faqEntries)
      .where(eq(faqEntries.tenantId, tenantId))
      .orderBy(asc(faqEntries.createdAt), asc(faqEntries.question)),
  );
}

/**
 * Rewrites an FAQ entry. A chunk's text never changes in place (search statistics follow
 * inserts and deletes), so the entry is replaced by a new one in one transaction: its id
 * changes, and if the new text equals another entry's the two become one. Null: no such entry.
 */
export async function updateFaqEntry(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  faqEntryId: string,
  entry: TFaqEntry,
): Promise<{ faqEntryId: string; documentId: string; duplicate: boolean } | null> {
  const valid = ZFaqEntry.parse(entry);
  const embedding = deps.embedder
    ? ((await deps.embedder.embed([`${valid.question}\n${valid.answer}`]))[0] ?? null)
    : null;
  return withTenant(deps.db, tenantId, async (tx) => {
    const removed = await removeEntry(tx, tenantId, faqEntryId);
    if (!removed) return null;
    const [tenant] = await tx
      .select({ language: tenants.language })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    const stored = await insertFaqEntry(tx, tenantId, {
      ...valid,
      language: searchConfigFor(tenant?.language),
      embedding,
    });
    return {
      faqEntryId: stored.faqEntryId,
      documentId: stored.documentId,
      duplicate: stored.duplicate,
    };
  });
}

/** Deletes an FAQ entry with its document and chunk. False: no such entry. */
export async function deleteFaqEntry(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  faqEntryId: string,
): Promise<boolean> {
  return withTenant(deps.db, tenantId, (tx) => removeEntry(tx, tenantId, faqEntryId));
}

async function removeEntry(tx: TenantDb, tenantId: TenantId, faqEntryId: string): Promise<boolean> {
  const [entry] = await tx
    .delete(faqEntries)
    .where(and(eq(faqEntries.tenantId, tenantId), eq(faqEntries.id, faqEntryId)))
    .returning({ documentId: faqEntries.documentId });
  if (!entry) return false;
  // The document carries the entry's chunk (deleted with it by the foreign key).
  if (entry.documentId)
    await tx
      .delete(documents)
      .where(and(eq(documents.tenantId, tenantId), eq(documents.id, entry.documentId)));
  return true;
}
