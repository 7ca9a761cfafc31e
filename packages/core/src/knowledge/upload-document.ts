import { extname } from 'node:path';
import type { Database, TenantId, UserId } from '@replyline/db';
import type { AddedDocument, Embedder, IngestLimits, NewFile } from '@replyline/rag';
import { DomainError } from '../domain-error';
import { roleMeets } from '../team/roles';
import { type Enqueue } from '../services';
import { memberRole } from '../team/member-role';
import { addDocumentFile } from './add-document-file';

export interface UploadDocumentInput {
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

export type UploadKind = 'pdf' | NewFile['kind'];

/** The file types the knowledge page takes, by extension. */
export const UPLOAD_EXTENSIONS: Record<string, UploadKind> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
};

const ACCEPTED = 'Upload PDF, Word (.docx), HTML, Markdown or plain-text files.';
/** Every PDF starts with this within its first kilobyte (PDF 32000-1, 7.5.2). */
const PDF_MAGIC = '%PDF-';
/** A .docx is a ZIP archive: its first bytes are a local file header. */
const ZIP_MAGIC = 'PK\u0003\u0004';

/**
 * A file dropped on the knowledge page, for the dashboard's upload route (a file cannot travel
 * through tRPC's JSON). It checks the membership itself (admin or owner), so the route cannot
 * forget to. Its kind comes from its name and must match its bytes; it is queued and its status
 * and progress show in `knowledge.list`; a file over the size limit is listed as failed with
 * the reason, and a damaged one fails when processed, with the reason. Throws a DomainError
 * whose message can be shown as is: forbidden, bad_input (empty, text not UTF-8),
 * unsupported_media_type (a kind not taken, or bytes that are not what the name says); the
 * plan's help articles used up come as a BillingError (see `asDomainError`).
 */
export async function uploadDocument(input: UploadDocumentInput): Promise<AddedDocument> {
  const role = await memberRole(input.db, input.userId, input.tenantId);
  if (!role || !roleMeets(role, 'admin'))
    throw new DomainError(
      'forbidden',
      'Uploading knowledge needs the admin role in this workspace.',
    );
  return addDocumentFile(
    { ...input, requestIp: input.requestIp ?? null },
    { filename: input.filename, bytes: input.bytes, limits: input.limits },
  );
}

/** The file's kind by its name, when its first bytes agree (a renamed file is refused). */
export function checkedKind(filename: string, bytes: Uint8Array): UploadKind {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const named = UPLOAD_EXTENSIONS[extname(filename).toLowerCase()];
  const kind = named ?? (head.includes(PDF_MAGIC) ? 'pdf' : null);
  if (!kind)
    throw new DomainError(
      'unsupported_media_type',
      `"${filename}" is not a file type we read. ${ACCEPTED}`,
    );
  if (kind === 'pdf' && !head.includes(PDF_MAGIC))
    throw new DomainError('unsupported_media_type', `"${filename}" is not a PDF. ${ACCEPTED}`);
  if (kind === 'docx' && !head.startsWith(ZIP_MAGIC))
    throw new DomainError(
      'unsupported_media_type',
      `"${filename}" is not a Word .docx file (older .doc files: save them as .docx first).`,
    );
  if (kind !== 'pdf' && kind !== 'docx') checkUtf8Text(filename, bytes);
  return kind;
}

function checkUtf8Text(filename: string, bytes: Uint8Array): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError(
      'bad_input',
      `"${filename}" is not UTF-8 text; save it as UTF-8 and upload it again.`,
    );
  }
  if (text.includes('\u0000'))
    throw new DomainError(
      'unsupported_media_type',
      `"${filename}" is a binary file, not text. ${ACCEPTED}`,
    );
}
