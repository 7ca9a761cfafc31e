import { insertFaqEntry, schema, withTenant, type TenantDb, type TenantId } from '@replyline/db';
import { searchConfigFor, ZFaqEntry, type TFaqEntry } from '@replyline/rag';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { helpArticleCap } from './article-cap';
import { auditKnowledge, faqEntryNotFound, type KnowledgeActor } from './knowledge-deps';

const { faqEntries, faqExternalIds, documents, tenants } = schema;

/** The id a business's own system gives an FAQ entry (a product id, a CMS slug). */
export const ZExternalId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'use letters, digits, and . _ : - only');

export interface SyncedFaqEntry {
  externalId: string;
  faqEntryId: string;
  question: string;
  answer: string;
  /** created: new; updated: its text changed; unchanged: the same text was sent again. */
  outcome: 'created' | 'updated' | 'unchanged';
}

/**
 * Creates or replaces the FAQ entry a business's system knows by `externalId`, in one
 * transaction: sending the same entry twice changes nothing, a changed text replaces the old
 * entry (searchable at once), a new one counts against the plan's help articles.
 */
export async function upsertFaqByExternalId(
  ctx: KnowledgeActor,
  externalIdInput: string,
  entryInput: TFaqEntry,
): Promise<SyncedFaqEntry> {
  const externalId = ZExternalId.parse(externalIdInput);
  const entry = ZFaqEntry.parse(entryInput);
  const embedding = ctx.embedder
    ? ((await ctx.embedder.embed([`${entry.question}\n${entry.answer}`]))[0] ?? null)
    : null;
  const synced = await withTenant(ctx.db, ctx.tenantId, async (tx) => {
    const current = await findByExternalId(tx, ctx.tenantId, externalId);
    if (current?.question === entry.question && current.answer === entry.answer)
      return { faqEntryId: current.id, outcome: 'unchanged' as const };
    if (current) await removeEntry(tx, ctx.tenantId, current.id, current.documentId);
    const stored = await insertFaqEntry(tx, ctx.tenantId, {
      ...entry,
      language: await tenantSearchConfig(tx, ctx.tenantId),
      embedding,
    });
    await tx
      .insert(faqExternalIds)
      .values({ tenantId: ctx.tenantId, externalId, faqEntryId: stored.faqEntryId })
      .onConflictDoUpdate({
        target: [faqExternalIds.tenantId, faqExternalIds.externalId],
        set: { faqEntryId: stored.faqEntryId, updatedAt: new Date() },
      });
    // A replaced entry takes its predecessor's place; only a new one can pass the cap.
    await helpArticleCap(ctx.tenantId)(tx, current || stored.duplicate ? 0 : 1);
    return { faqEntryId: stored.faqEntryId, outcome: current ? ('updated' as const) : ('created' as const) };
  });
  if (synced.outcome !== 'unchanged')
    await auditKnowledge(ctx, {
      action: `knowledge.faq_${synced.outcome}_by_api`,
      targetType: 'faq_entry',
      targetId: synced.faqEntryId,
      details: { externalId, question: entry.question },
    });
  return { externalId, ...entry, ...synced };
}

/** Deletes the entry known by `externalId` with its document; 404 when there is none. */
export async function removeFaqByExternalId(ctx: KnowledgeActor, externalIdInput: string) {
  const externalId = ZExternalId.parse(externalIdInput);
  const removed = await withTenant(ctx.db, ctx.tenantId, async (tx) => {
    const current = await findByExternalId(tx, ctx.tenantId, externalId);
    if (current) await removeEntry(tx, ctx.tenantId, current.id, current.documentId);
    return current;
  });
  if (!removed) throw faqEntryNotFound();
  await auditKnowledge(ctx, {
    action: 'knowledge.faq_deleted_by_api',
    targetType: 'faq_entry',
    targetId: removed.id,
    details: { externalId },
  });
  return { deleted: true as const };
}

async function findByExternalId(tx: TenantDb, tenantId: TenantId, externalId: string) {
  const [found] = await tx
    .select({
      id: faqEntries.id,
      question: faqEntries.question,
      answer: faqEntries.answer,
      documentId: faqEntries.documentId,
    })
    .from(faqExternalIds)
    .innerJoin(
      faqEntries,
      and(
        eq(faqEntries.tenantId, faqExternalIds.tenantId),
        eq(faqEntries.id, faqExternalIds.faqEntryId),
      ),
    )
    .where(and(eq(faqExternalIds.tenantId, tenantId), eq(faqExternalIds.externalId, externalId)));
  return found ?? null;
}

/** The entry's document carries its chunk; deleting it takes the entry and its ids along. */
async function removeEntry(
  tx: TenantDb,
  tenantId: TenantId,
  faqEntryId: string,
  documentId: string | null,
) {
  await tx
    .delete(faqEntries)
    .where(and(eq(faqEntries.tenantId, tenantId), eq(faqEntries.id, faqEntryId)));
  if (documentId)
    await tx
      .delete(documents)
      .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
}

async function tenantSearchConfig(tx: TenantDb, tenantId: TenantId): Promise<string> {
  const [tenant] = await tx
    .select({ language: tenants.language })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return searchConfigFor(tenant?.language);
}
