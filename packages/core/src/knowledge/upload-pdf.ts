import { basename } from 'node:path';
import type { Database, TenantId, UserId } from '@replyline/db';
import {
  addPdfDocument,
  type AddedDocument,
  type Embedder,
  type IngestLimits,
} from '@replyline/rag';
import { DomainError } from '../domain-error';
import { roleMeets } from '../team/roles';
import { type Enqueue } from '../services';
import { memberRole } from '../team/member-role';
import { helpArticleCap } from './article-cap';
import { auditKnowledge, knowledgeDeps } from './knowledge-deps';

export interface UploadPdfInput {
  db: Database;
  enqueue: Enqueue;
  tenantId: TenantId;
  userId: UserId;
  filename: string;
  bytes: Uint8Array;
  requestIp?: string | null;
  limits?: Partial<IngestLimits>;
  embedder?: Embedder | null;
}

/** Every PDF starts with this within its first kilobyte (PDF 32000-1, 7.5.2). */
const PDF_MAGIC = '%PDF-';

/**
 * A PDF dropped on the knowledge page, for the dashboard's upload route (a file cannot travel
 * through tRPC's JSON). It checks the membership itself (admin or owner), so the route cannot
 * forget to. The document is queued and its status and progress show in `knowledge.list`; a
 * file over the size limit is listed as failed with the reason. Throws a DomainError whose
 * message can be shown as is: forbidden, bad_input (empty), unsupported_media_type (not a
 * PDF); the plan's help articles used up come as a BillingError (see `asDomainError`).
 */
export async function uploadPdf(input: UploadPdfInput): Promise<AddedDocument> {
  const role = await memberRole(input.db, input.userId, input.tenantId);
  if (!role || !roleMeets(role, 'admin'))
    throw new DomainError(
      'forbidden',
      'Uploading knowledge needs the admin role in this workspace.',
    );
  const filename = basename(input.filename.replace(/\\/g, '/')).slice(0, 200) || 'document.pdf';
  if (input.bytes.length === 0) throw new DomainError('bad_input', `"${filename}" is empty.`);
  if (!isPdf(input.bytes))
    throw new DomainError(
      'unsupported_media_type',
      `"${filename}" is not a PDF. Upload PDF files here; paste other text as a text document.`,
    );

  const added = await addPdfDocument(
    {
      ...knowledgeDeps(input),
      limits: input.limits,
      beforeCommit: helpArticleCap(input.tenantId),
    },
    input.tenantId,
    { filename, bytes: input.bytes },
  );
  await auditKnowledge(
    { ...input, requestIp: input.requestIp ?? null },
    {
      action: 'knowledge.pdf_uploaded',
      targetType: 'document',
      targetId: added.documentId,
      details: { filename, sizeBytes: input.bytes.length, status: added.status },
    },
  );
  return added;
}

function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes(PDF_MAGIC);
}
