import {
  contentHash,
  QUEUES,
  schema,
  withTenant,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import { and, eq } from 'drizzle-orm';
import { IngestionError } from '../errors';
import { DEFAULT_PDF_LIMITS, formatSize } from '../pdf/extract-pdf';
import type { KnowledgeDeps } from './deps';

const { documentFiles, documents } = schema;

export interface AddedDocument {
  documentId: string;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  /** The same content was already in this tenant's knowledge; nothing new was stored. */
  duplicate: boolean;
  error: string | null;
}

export interface NewPdf {
  filename: string;
  bytes: Uint8Array;
  title?: string;
}

/** An uploaded file other than a PDF; the caller has checked what kind it is. */
export interface NewFile {
  kind: 'docx' | 'html' | 'markdown' | 'text';
  filename: string;
  bytes: Uint8Array;
}

const MIME_TYPES: Record<NewFile['kind'], string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

/**
 * Accepts a Word, HTML, Markdown or text file for ingestion, like a PDF: stored and queued,
 * or listed as failed with the reason when it is over the size limit. Its text is extracted
 * when it is processed, so a damaged file fails there with a reason the tenant sees.
 */
export async function addFileDocument(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  file: NewFile,
): Promise<AddedDocument> {
  const maxBytes = deps.limits?.maxBytes ?? DEFAULT_PDF_LIMITS.maxBytes;
  const title = file.filename.replace(/\.[a-z0-9]{1,8}$/i, '') || 'Untitled document';
  return addDocument(deps, tenantId, {
    kind: file.kind,
    title,
    filename: file.filename,
    mimeType: MIME_TYPES[file.kind],
    bytes: file.bytes,
    rejected: tooLarge(file.bytes.length, maxBytes),
  });
}

function tooLarge(size: number, maxBytes: number): IngestionError | null {
  if (size <= maxBytes) return null;
  return new IngestionError(
    'too_large',
    `The file is ${formatSize(size, maxBytes)}; the limit is ${formatSize(maxBytes)}.`,
  );
}

export interface NewTextDocument {
  title: string;
  text: string;
  format: 'text' | 'markdown';
}

/**
 * Accepts a PDF for ingestion: stores it and queues it, or, when it is over the size limit,
 * records it as failed with the reason (so the tenant sees why) without keeping the bytes.
 */
export async function addPdfDocument(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  pdf: NewPdf,
): Promise<AddedDocument> {
  const maxBytes = deps.limits?.maxBytes ?? DEFAULT_PDF_LIMITS.maxBytes;
  const title = pdf.title?.trim() || pdf.filename.replace(/\.pdf$/i, '') || 'Untitled PDF';
  return addDocument(deps, tenantId, {
    kind: 'pdf',
    title,
    filename: pdf.filename,
    mimeType: 'application/pdf',
    bytes: pdf.bytes,
    rejected: tooLarge(pdf.bytes.length, maxBytes),
  });
}

export async function addTextDocument(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  doc: NewTextDocument,
): Promise<AddedDocument> {
  const title = doc.title.trim();
  if (!title) throw new IngestionError('invalid_input', 'A document needs a title.');
  if (!doc.text.trim()) throw new IngestionError('invalid_input', 'The document is empty.');
  const bytes = new TextEncoder().encode(doc.text);
  const maxBytes = deps.limits?.maxBytes ?? DEFAULT_PDF_LIMITS.maxBytes;
  if (bytes.length > maxBytes) {
    throw new IngestionError(
      'too_large',
      `The text is ${formatSize(bytes.length, maxBytes)}; the limit is ${formatSize(maxBytes)}.`,
    );
  }
  return addDocument(deps, tenantId, {
    kind: doc.format,
    title,
    filename: `${title}.${doc.format === 'markdown' ? 'md' : 'txt'}`,
    mimeType: doc.format === 'markdown' ? 'text/markdown' : 'text/plain',
    bytes,
    rejected: null,
  });
}

interface StoredDocument {
  kind: 'pdf' | NewFile['kind'];
  title: string;
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
  rejected: IngestionError | null;
}

async function addDocument(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  doc: StoredDocument,
): Promise<AddedDocument> {
  const hash = contentHash(doc.kind, doc.bytes);
  const added = await withTenant(deps.db, tenantId, async (tx) => {
    const existing = await findByHash(tx, tenantId, hash);
    if (existing) return { ...existing, duplicate: true };
    const [row] = await tx
      .insert(documents)
      .values({
        tenantId,
        kind: doc.kind,
        title: doc.title,
        contentHash: hash,
        sizeBytes: doc.bytes.length,
        mimeType: doc.mimeType,
        status: doc.rejected ? 'failed' : 'queued',
        error: doc.rejected?.message ?? null,
        storageKey: doc.rejected ? null : 'document_files',
      })
      .returning({ documentId: documents.id, status: documents.status, error: documents.error });
    if (!doc.rejected) {
      await tx.insert(documentFiles).values({
        tenantId,
        documentId: row!.documentId,
        filename: doc.filename,
        bytes: Buffer.from(doc.bytes),
      });
    }
    await deps.beforeCommit?.(tx, 1);
    return { ...row!, duplicate: false };
  });
  if (!added.duplicate && added.status === 'queued')
    await enqueueIngestion(deps, tenantId, added.documentId);
  return added;
}

async function findByHash(tx: TenantDb, tenantId: TenantId, hash: string) {
  const [row] = await tx
    .select({ documentId: documents.id, status: documents.status, error: documents.error })
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), eq(documents.contentHash, hash)));
  return row ?? null;
}

export interface IngestJob {
  tenantId: TenantId;
  documentId: string;
}

/** Queues (re-)processing of a stored document; processing is idempotent, so a duplicate job is harmless. */
export async function enqueueIngestion(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  documentId: string,
): Promise<void> {
  const job: IngestJob = { tenantId, documentId };
  await deps.queue.send(QUEUES.ingestDocument, job, { singletonKey: documentId });
}
