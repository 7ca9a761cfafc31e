import { basename } from 'node:path';
import {
  addFileDocument,
  addPdfDocument,
  type AddedDocument,
  type IngestLimits,
} from '@replyline/rag';
import { DomainError } from '../domain-error';
import { helpArticleCap } from './article-cap';
import { auditKnowledge, ingestionDeps, type KnowledgeActor } from './knowledge-deps';
import { checkedKind } from './upload-document';

export interface DocumentFile {
  filename: string;
  bytes: Uint8Array;
  limits?: Partial<IngestLimits>;
}

/**
 * Stores an uploaded file as a document and queues it, once the caller is known to be allowed
 * (the dashboard's upload checks the member's role, the management API the key's scope). Its
 * kind comes from its name and must match its bytes (see `checkedKind`); an empty file, a kind
 * not taken or bytes that are not what the name says are refused with a reason and store
 * nothing.
 */
export async function addDocumentFile(
  ctx: KnowledgeActor,
  file: DocumentFile,
): Promise<AddedDocument> {
  const filename = basename(file.filename.replace(/\\/g, '/')).slice(0, 200) || 'document';
  if (file.bytes.length === 0) throw new DomainError('bad_input', `"${filename}" is empty.`);
  const kind = checkedKind(filename, file.bytes);
  const deps = {
    ...ingestionDeps(ctx),
    limits: file.limits,
    beforeCommit: helpArticleCap(ctx.tenantId),
  };
  const added =
    kind === 'pdf'
      ? await addPdfDocument(deps, ctx.tenantId, { filename, bytes: file.bytes })
      : await addFileDocument(deps, ctx.tenantId, { kind, filename, bytes: file.bytes });
  await auditKnowledge(ctx, {
    action: kind === 'pdf' ? 'knowledge.pdf_uploaded' : 'knowledge.file_uploaded',
    targetType: 'document',
    targetId: added.documentId,
    details: { filename, kind, sizeBytes: file.bytes.length, status: added.status },
  });
  return added;
}
