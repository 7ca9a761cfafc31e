import {
  addFaqEntries,
  deleteFaqEntry,
  parseFaqCsv,
  parseFaqMarkdown,
  updateFaqEntry,
  type FaqImportResult,
  type TFaqEntry,
} from '@replyline/rag';
import { helpArticleCap } from './article-cap';
import {
  auditKnowledge,
  faqEntryNotFound,
  knowledgeDeps,
  type KnowledgeActor,
} from './knowledge-deps';

/** FAQ entries typed in the editor: searchable at once, all or none. */
export async function addFaq(ctx: KnowledgeActor, entries: TFaqEntry[]): Promise<FaqImportResult> {
  const result = await addFaqEntries(cappedDeps(ctx), ctx.tenantId, entries);
  await auditKnowledge(ctx, {
    action: 'knowledge.faq_added',
    details: { added: result.added, duplicates: result.duplicates },
  });
  return result;
}

export interface FaqFile {
  format: 'csv' | 'markdown';
  content: string;
  filename?: string;
}

/**
 * Imports FAQ entries from a CSV (question,answer columns) or Markdown (`## question` sections)
 * file. The whole file is read and checked before anything is stored, and stored in one
 * transaction: a file with one bad row adds nothing, and the error names the row; nor does a
 * file that would take the workspace past its plan's help articles.
 */
export async function importFaq(ctx: KnowledgeActor, file: FaqFile): Promise<FaqImportResult> {
  const entries =
    file.format === 'csv' ? parseFaqCsv(file.content) : parseFaqMarkdown(file.content);
  const result = await addFaqEntries(cappedDeps(ctx), ctx.tenantId, entries);
  await auditKnowledge(ctx, {
    action: 'knowledge.faq_imported',
    details: {
      format: file.format,
      filename: file.filename ?? null,
      added: result.added,
      duplicates: result.duplicates,
    },
  });
  return result;
}

/** Rewrites an entry; its id changes (see updateFaqEntry), so the new one is returned. */
export async function editFaq(ctx: KnowledgeActor, faqEntryId: string, entry: TFaqEntry) {
  const updated = await updateFaqEntry(knowledgeDeps(ctx), ctx.tenantId, faqEntryId, entry);
  if (!updated) throw faqEntryNotFound();
  await auditKnowledge(ctx, {
    action: 'knowledge.faq_updated',
    targetType: 'faq_entry',
    targetId: updated.faqEntryId,
    details: { previousId: faqEntryId, question: entry.question },
  });
  return updated;
}

export async function removeFaq(ctx: KnowledgeActor, faqEntryId: string) {
  if (!(await deleteFaqEntry(ctx, ctx.tenantId, faqEntryId))) throw faqEntryNotFound();
  await auditKnowledge(ctx, {
    action: 'knowledge.faq_deleted',
    targetType: 'faq_entry',
    targetId: faqEntryId,
  });
  return { deleted: true as const };
}

/** New entries count against the plan's help articles; an edit replaces one, so it does not. */
function cappedDeps(ctx: KnowledgeActor) {
  return { ...knowledgeDeps(ctx), beforeCommit: helpArticleCap(ctx.tenantId) };
}
