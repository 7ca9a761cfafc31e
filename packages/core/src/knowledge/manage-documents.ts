import {
  addTextDocument,
  deleteDocument,
  getDocument,
  reingestDocument,
  type AddedDocument,
} from '@replyline/rag';
import { DomainError } from '../domain-error';
import { helpArticleCap } from './article-cap';
import {
  auditKnowledge,
  documentNotFound,
  ingestionDeps,
  type KnowledgeActor,
} from './knowledge-deps';

/** A text or Markdown document typed or pasted in the dashboard, queued for ingestion. */
export async function addText(
  ctx: KnowledgeActor,
  input: { title: string; text: string; format: 'text' | 'markdown' },
): Promise<AddedDocument> {
  const deps = { ...ingestionDeps(ctx), beforeCommit: helpArticleCap(ctx.tenantId) };
  const added = await addTextDocument(deps, ctx.tenantId, input);
  await auditKnowledge(ctx, {
    action: 'knowledge.text_added',
    targetType: 'document',
    targetId: added.documentId,
    details: { title: input.title, format: input.format, duplicate: added.duplicate },
  });
  return added;
}

/** Deletes a document with its chunks, stored file and FAQ entry. */
export async function removeDocument(ctx: KnowledgeActor, documentId: string) {
  const found = await getDocument(ctx, ctx.tenantId, documentId);
  if (!found || !(await deleteDocument(ctx, ctx.tenantId, documentId))) throw documentNotFound();
  await auditKnowledge(ctx, {
    action: 'knowledge.document_deleted',
    targetType: 'document',
    targetId: documentId,
    details: { title: found.title, kind: found.kind },
  });
  return { deleted: true as const };
}

/** Queues a stored file for processing again (after a failure, or a change of language). */
export async function reingest(ctx: KnowledgeActor, documentId: string) {
  const found = await getDocument(ctx, ctx.tenantId, documentId);
  if (!found) throw documentNotFound();
  if (found.kind === 'faq')
    throw new DomainError(
      'bad_input',
      'FAQ entries are searchable as soon as they are saved; edit the entry instead.',
    );
  await reingestDocument(ingestionDeps(ctx), ctx.tenantId, documentId);
  await auditKnowledge(ctx, {
    action: 'knowledge.document_reingested',
    targetType: 'document',
    targetId: documentId,
    details: { title: found.title },
  });
  return { queued: true as const };
}
