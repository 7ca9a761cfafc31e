import { basename, extname } from 'node:path';
import { addPdfDocument, type AddedDocument, type IngestLimits } from '@replyline/rag';
import { DomainError } from '../domain-error';
import { helpArticleCap } from './article-cap';
import { auditKnowledge, ingestionDeps, type KnowledgeActor } from './knowledge-deps';
import { addText } from './manage-documents';

export interface DocumentFile {
  filename: string;
  /** The request's content type; the file's name decides when it says nothing useful. */
  contentType: string;
  bytes: Uint8Array;
  limits?: Partial<IngestLimits>;
}

/** Every PDF starts with this within its first kilobyte (PDF 32000-1, 7.5.2). */
const PDF_MAGIC = '%PDF-';

type FileKind = 'pdf' | 'markdown' | 'text';

/**
 * A file sent to the management API: a PDF, or a Markdown or plain-text file (UTF-8), queued
 * for ingestion like the dashboard's uploads. The caller's key decides the workspace and the
 * scope; this checks the file: empty, unknown kind, not UTF-8, or a "PDF" that is none is
 * refused with a reason and stores nothing.
 */
export async function addDocumentFile(
  ctx: KnowledgeActor,
  file: DocumentFile,
): Promise<AddedDocument> {
  const filename = basename(file.filename.replace(/\\/g, '/')).slice(0, 200) || 'document';
  if (file.bytes.length === 0) throw new DomainError('bad_input', `"${filename}" is empty.`);
  const kind = kindOf(filename, file.contentType);
  if (kind === 'pdf') return addPdf(ctx, filename, file);
  const text = decodeUtf8(filename, file.bytes);
  const title = filename.replace(/\.(md|markdown|txt)$/i, '') || filename;
  return addText(ctx, { title, text, format: kind });
}

async function addPdf(ctx: KnowledgeActor, filename: string, file: DocumentFile) {
  const head = Buffer.from(file.bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes(PDF_MAGIC))
    throw new DomainError('unsupported_media_type', `"${filename}" is not a PDF.`);
  const added = await addPdfDocument(
    { ...ingestionDeps(ctx), limits: file.limits, beforeCommit: helpArticleCap(ctx.tenantId) },
    ctx.tenantId,
    { filename, bytes: file.bytes },
  );
  await auditKnowledge(ctx, {
    action: 'knowledge.pdf_uploaded',
    targetType: 'document',
    targetId: added.documentId,
    details: { filename, sizeBytes: file.bytes.length, status: added.status, via: 'api' },
  });
  return added;
}

function kindOf(filename: string, contentType: string): FileKind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const extension = extname(filename).toLowerCase();
  if (type === 'application/pdf' || extension === '.pdf') return 'pdf';
  if (type === 'text/markdown' || extension === '.md' || extension === '.markdown')
    return 'markdown';
  if (type === 'text/plain' || extension === '.txt') return 'text';
  throw new DomainError(
    'unsupported_media_type',
    `"${filename}" (${type || 'no content type'}) is not a file this API takes: send a PDF (application/pdf), Markdown (text/markdown) or plain text (text/plain).`,
  );
}

function decodeUtf8(filename: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('bad_input', `"${filename}" is not UTF-8 text.`);
  }
}
