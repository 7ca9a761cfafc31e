import { schema, withTenant, type TenantId } from '@replyline/db';
import { and, desc, eq } from 'drizzle-orm';
import { IngestionError } from '../errors';
import { enqueueIngestion } from './add-documents';
import type { KnowledgeDeps } from './deps';

const { chunks, documentFiles, documents } = schema;

export interface DocumentSummary {
  id: string;
  kind: (typeof documents.$inferSelect)['kind'];
  /** Web pages: the page's address. */
  sourceUrl: string | null;
  title: string;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  error: string | null;
  pagesDone: number;
  pagesTotal: number | null;
  sizeBytes: number;
  chunkCount: number;
  updatedAt: Date;
}

/** Every document of the tenant with its status and progress, newest first (the dashboard's list). */
export async function listDocuments(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  filter: { documentId?: string } = {},
): Promise<DocumentSummary[]> {
  return withTenant(deps.db, tenantId, (tx) =>
    tx
      .select({
        id: documents.id,
        kind: documents.kind,
        title: documents.title,
        sourceUrl: documents.sourceUrl,
        status: documents.status,
        error: documents.error,
        pagesDone: documents.pagesDone,
        pagesTotal: documents.pagesTotal,
        sizeBytes: documents.sizeBytes,
        chunkCount: tx.$count(
          chunks,
          and(eq(chunks.tenantId, documents.tenantId), eq(chunks.documentId, documents.id)),
        ),
        updatedAt: documents.updatedAt,
      })
      .from(documents)
      .where(
        and(
          eq(documents.tenantId, tenantId),
          filter.documentId ? eq(documents.id, filter.documentId) : undefined,
        ),
      )
      .orderBy(desc(documents.createdAt)),
  );
}

export async function getDocument(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  documentId: string,
): Promise<DocumentSummary | null> {
  const [found] = await listDocuments(deps, tenantId, { documentId });
  return found ?? null;
}

/** Deletes a document with every chunk, file and FAQ entry derived from it. */
export async function deleteDocument(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  documentId: string,
): Promise<boolean> {
  const deleted = await withTenant(deps.db, tenantId, (tx) =>
    tx
      .delete(documents)
      .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)))
      .returning({ id: documents.id }),
  );
  return deleted.length > 0;
}

/** Processes a stored document again (e.g. after a failure or a change of language). */
export async function reingestDocument(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  documentId: string,
): Promise<void> {
  const found = await withTenant(deps.db, tenantId, async (tx) => {
    const [file] = await tx
      .select({ documentId: documentFiles.documentId })
      .from(documentFiles)
      .where(and(eq(documentFiles.tenantId, tenantId), eq(documentFiles.documentId, documentId)));
    if (!file) return false;
    await tx
      .update(documents)
      .set({ status: 'queued', error: null, pagesDone: 0 })
      .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
    return true;
  });
  if (!found)
    throw new IngestionError(
      'invalid_input',
      'This document has no stored file to process again; upload it anew.',
    );
  await enqueueIngestion(deps, tenantId, documentId);
}
