import type { Database, TenantId } from '@replyline/db';
import { getDocument, listDocuments, type DocumentSummary } from '@replyline/rag';
import { documentNotFound } from './knowledge-deps';

/** Every document of the workspace with its status and progress, newest first. */
export function listKnowledgeDocuments(db: Database, tenantId: TenantId) {
  return listDocuments({ db }, tenantId);
}

/** One document with its status; not_found when the workspace has no such document. */
export async function getKnowledgeDocument(
  db: Database,
  tenantId: TenantId,
  documentId: string,
): Promise<DocumentSummary> {
  const found = await getDocument({ db }, tenantId, documentId);
  if (!found) throw documentNotFound();
  return found;
}
