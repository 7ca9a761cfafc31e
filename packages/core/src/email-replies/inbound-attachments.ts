/**
 * Which files of a customer's email reply are kept with the ticket. A file is kept when its
 * name's extension is on the allow-list, the type the email declares agrees with it, its first
 * bytes look like that kind of file, and it fits both size caps; every other file is named in a
 * note on the ticket ("1 attachment not kept: invoice.exe (type not allowed)"), never dropped
 * silently. What is kept is served later only as a download, with the type of its extension.
 */

/** One attachment as an inbound webhook hands it over; `read` fetches bytes not yet in hand. */
export interface IncomingAttachment {
  filename: string;
  /** The type the email declares (may be missing, generic, or wrong). */
  contentType: string;
  /** Declared size in bytes when known before reading (Resend's metadata); checked again after. */
  size?: number;
  /** The bytes; a reader may stop once it has more than `maxBytes` (the file is refused then). */
  read: (maxBytes: number) => Promise<Buffer>;
}

export interface AttachmentLimits {
  maxFileBytes: number;
  maxEmailBytes: number;
}

export interface KeptAttachment {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface RefusedAttachment {
  filename: string;
  reason: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface AllowedKind {
  /** Stored and served as this type. */
  type: string;
  /** Declared types that agree with the extension (besides the stored one). */
  aliases?: string[];
  /** The file's first bytes; none: any bytes without NUL (text). */
  magic?: number[][];
  text?: true;
}

const OFFICE_XML = 'application/vnd.openxmlformats-officedocument';

/** By extension: images, PDF, plain text and CSV, and office documents. Never HTML or SVG. */
const ALLOWED: Record<string, AllowedKind> = {
  png: { type: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { type: 'image/jpeg', aliases: ['image/jpg', 'image/pjpeg'], magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { type: 'image/jpeg', aliases: ['image/jpg', 'image/pjpeg'], magic: [[0xff, 0xd8, 0xff]] },
  gif: { type: 'image/gif', magic: [[0x47, 0x49, 0x46, 0x38]] },
  webp: { type: 'image/webp', magic: [[0x52, 0x49, 0x46, 0x46]] },
  heic: { type: 'image/heic', aliases: ['image/heif'] },
  pdf: {
    type: 'application/pdf',
    aliases: ['application/x-pdf'],
    magic: [[0x25, 0x50, 0x44, 0x46]],
  },
  txt: { type: 'text/plain', text: true },
  csv: {
    type: 'text/csv',
    aliases: ['text/plain', 'application/csv', 'text/comma-separated-values'],
    text: true,
  },
  docx: { type: `${OFFICE_XML}.wordprocessingml.document`, magic: [ZIP] },
  xlsx: { type: `${OFFICE_XML}.spreadsheetml.sheet`, magic: [ZIP] },
  pptx: { type: `${OFFICE_XML}.presentationml.presentation`, magic: [ZIP] },
  odt: { type: 'application/vnd.oasis.opendocument.text', magic: [ZIP] },
  ods: { type: 'application/vnd.oasis.opendocument.spreadsheet', magic: [ZIP] },
  doc: { type: 'application/msword', magic: [OLE] },
  xls: { type: 'application/vnd.ms-excel', magic: [OLE] },
  ppt: { type: 'application/vnd.ms-powerpoint', magic: [OLE] },
};

/** Mail programs send these when they do not know the type; the extension decides then. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The kind a file may be kept as, or null when its name or declared type is not allowed. */
export function allowedKind(filename: string, declaredType: string): AllowedKind | null {
  const extension = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase();
  const kind = extension ? ALLOWED[extension] : undefined;
  if (!kind) return null;
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (GENERIC_TYPES.has(declared) || declared === kind.type || kind.aliases?.includes(declared))
    return kind;
  return null;
}

function looksLike(kind: AllowedKind, bytes: Buffer): boolean {
  if (kind.text) return !bytes.includes(0);
  if (!kind.magic) return true;
  return kind.magic.some((magic) => magic.every((byte, i) => bytes[i] === byte));
}

/** "2.5 MB", "900 KB": how the note and the ticket name sizes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A file name safe to store and show: no folders, no control characters, not endless. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}

/**
 * Reads the allowed files within the caps, in the order the email lists them; the caps count
 * real bytes, so a declared size that lies changes nothing.
 */
export async function screenAttachments(
  attachments: readonly IncomingAttachment[],
  limits: AttachmentLimits,
): Promise<{ kept: KeptAttachment[]; refused: RefusedAttachment[] }> {
  const kept: KeptAttachment[] = [];
  const refused: RefusedAttachment[] = [];
  let used = 0;
  for (const attachment of attachments) {
    const filename = cleanFilename(attachment.filename);
    const refuse = (reason: string) => refused.push({ filename, reason });
    const kind = allowedKind(filename, attachment.contentType);
    if (!kind) {
      refuse('type not allowed');
      continue;
    }
    const room = Math.min(limits.maxFileBytes, limits.maxEmailBytes - used);
    const tooLarge = () =>
      refuse(
        room < limits.maxFileBytes
          ? `the email's files are over ${formatBytes(limits.maxEmailBytes)}`
          : `larger than ${formatBytes(limits.maxFileBytes)}`,
      );
    if (attachment.size !== undefined && attachment.size > room) {
      tooLarge();
      continue;
    }
    const bytes = await attachment.read(room);
    if (bytes.length > room) {
      tooLarge();
      continue;
    }
    if (bytes.length === 0) {
      refuse('empty file');
      continue;
    }
    if (!looksLike(kind, bytes)) {
      refuse('content does not match its type');
      continue;
    }
    used += bytes.length;
    kept.push({ filename, contentType: kind.type, bytes });
  }
  return { kept, refused };
}

/** "2 attachments not kept: invoice.exe (type not allowed), scan.pdf (larger than 10 MB)". */
export function notKeptNote(refused: readonly RefusedAttachment[]): string | null {
  if (refused.length === 0) return null;
  const noun = refused.length === 1 ? 'attachment' : 'attachments';
  const list = refused.map((file) => `${file.filename} (${file.reason})`).join(', ');
  return `${refused.length} ${noun} not kept: ${list}`;
}
