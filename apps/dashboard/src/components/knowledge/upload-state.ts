/** One file dropped on the knowledge page, from the first byte sent to the server's answer. */
export interface UploadItem {
  id: string;
  name: string;
  size: number;
  /** Bytes sent so far (the browser's upload progress). */
  loaded: number;
  phase: 'uploading' | 'done' | 'failed';
  /** What happened, in words: shown beside the file. */
  message: string | null;
  documentId: string | null;
}

/** What the upload route answers for an accepted file (the API's `AddedDocument`). */
export interface UploadResult {
  documentId: string;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  duplicate: boolean;
  error: string | null;
}

export type UploadAction =
  | { type: 'add'; id: string; name: string; size: number }
  | { type: 'progress'; id: string; loaded: number }
  | { type: 'done'; id: string; result: UploadResult }
  | { type: 'failed'; id: string; message: string }
  | { type: 'clearFinished' };

export function uploadsReducer(state: UploadItem[], action: UploadAction): UploadItem[] {
  if (action.type === 'clearFinished') return state.filter((item) => item.phase === 'uploading');
  if (action.type === 'add')
    return [
      ...state,
      {
        id: action.id,
        name: action.name,
        size: action.size,
        loaded: 0,
        phase: 'uploading',
        message: null,
        documentId: null,
      },
    ];
  return state.map((item) => (item.id === action.id ? apply(item, action) : item));
}

function apply(item: UploadItem, action: UploadAction): UploadItem {
  switch (action.type) {
    case 'progress':
      // Progress only moves forward, and never past the file (multipart adds a few bytes).
      return { ...item, loaded: Math.min(item.size, Math.max(item.loaded, action.loaded)) };
    case 'done':
      return {
        ...item,
        loaded: item.size,
        phase: action.result.status === 'failed' ? 'failed' : 'done',
        message: resultMessage(action.result),
        documentId: action.result.documentId,
      };
    case 'failed':
      return { ...item, phase: 'failed', message: action.message };
    default:
      return item;
  }
}

function resultMessage(result: UploadResult): string {
  if (result.status === 'failed') return result.error ?? 'The file could not be processed.';
  if (result.duplicate) return 'Already in your knowledge; nothing new was added.';
  return 'Uploaded. Processing starts in a moment; follow it in the list below.';
}

/** Whole percent sent, for the progress bar and its label. */
export function percentOf(item: Pick<UploadItem, 'loaded' | 'size' | 'phase'>): number {
  if (item.phase === 'done' || item.size === 0) return 100;
  return Math.floor((item.loaded / item.size) * 100);
}

/** The file types the knowledge page takes (the server's list, `UPLOAD_EXTENSIONS`). */
export const UPLOAD_ACCEPT = '.pdf,.docx,.html,.htm,.md,.markdown,.txt';

/**
 * Why a file is refused before it is sent, or null: saves a long upload that the server would
 * refuse anyway. The server checks again (and reads the file's first bytes, not its name).
 */
export function refuseBeforeUpload(
  file: { name: string; type: string; size: number },
  maxBytes: number,
): string | null {
  const known = UPLOAD_ACCEPT.split(',').some((ext) => file.name.toLowerCase().endsWith(ext));
  if (!known && file.type !== 'application/pdf')
    return `"${file.name}" is not a file type we read. Upload PDF, Word (.docx), HTML, Markdown or plain-text files.`;
  if (file.size === 0) return `"${file.name}" is empty.`;
  if (file.size > maxBytes)
    return `"${file.name}" is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`;
  return null;
}

/** "820 KB", "12.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}
