import { withTenant, type TenantId } from '@replyline/db';
import { addFaqEntries, type KnowledgeDeps, type TFaqEntry } from '@replyline/rag';
import { recordAudit } from '../audit';
import { helpArticleCap } from '../knowledge/article-cap';
import type { AuditActor } from '../request';

/**
 * "Turn into FAQ entry" on an unanswered question: the admin's answer becomes a searchable
 * FAQ entry at once, so the assistant answers it from now on (and the question leaves the
 * unanswered report).
 */
export async function turnIntoFaq(
  deps: KnowledgeDeps,
  actor: AuditActor,
  entry: TFaqEntry,
): Promise<{ documentId: string; duplicate: boolean }> {
  const tenantId: TenantId = actor.tenantId;
  const capped = { ...deps, beforeCommit: helpArticleCap(tenantId) };
  const result = await addFaqEntries(capped, tenantId, [entry]);
  const documentId = result.documentIds[0]!;
  await withTenant(deps.db, tenantId, (tx) =>
    recordAudit(tx, actor, {
      action: 'faq.created_from_unanswered',
      targetType: 'document',
      targetId: documentId,
      details: { question: entry.question.slice(0, 200) },
    }),
  );
  return { documentId, duplicate: result.duplicates > 0 };
}
