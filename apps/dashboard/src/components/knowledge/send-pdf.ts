import { PAGE_WORKSPACE_HEADER } from '~/trpc/protocol';
import type { UploadResult } from './upload-state';

export const UPLOAD_URL = '/api/knowledge/upload';

/** The part of XMLHttpRequest an upload needs; tests hand in a fake. */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  status: number;
  responseText: string;
  upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

/**
 * Sends one PDF to the upload route as multipart form data (field `pdf`), reporting bytes sent
 * as they go: XMLHttpRequest, because fetch has no upload progress. Resolves with the stored
 * document; rejects with an Error whose message can be shown as it is.
 */
export function sendPdf(
  file: Blob & { name: string },
  options: {
    onProgress?: (loaded: number) => void;
    createRequest?: () => UploadRequest;
    url?: string;
    /** The workspace the knowledge page shows; the server refuses the file if another is selected. */
    workspaceId?: string | null;
  } = {},
): Promise<UploadResult> {
  const request = (options.createRequest ?? browserRequest)();
  const body = new FormData();
  body.append('pdf', file, file.name);
  return new Promise((resolve, reject) => {
    request.upload.onprogress = (event) => options.onProgress?.(event.loaded);
    request.onload = () => {
      const answer = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300 && isResult(answer)) resolve(answer);
      else reject(new Error(refusal(request.status, answer)));
    };
    request.onerror = () =>
      reject(new Error('The upload was interrupted. Check your connection and try again.'));
    request.onabort = () => reject(new Error('The upload was cancelled.'));
    request.open('POST', options.url ?? UPLOAD_URL);
    if (options.workspaceId) request.setRequestHeader(PAGE_WORKSPACE_HEADER, options.workspaceId);
    request.send(body);
  });
}

// XMLHttpRequest's handlers take a full ProgressEvent; ours read only its two numbers.
const browserRequest = () => new XMLHttpRequest() as unknown as UploadRequest;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isResult(value: unknown): value is UploadResult {
  return typeof (value as UploadResult | null)?.documentId === 'string';
}

/** The server's own sentence when it sent one; otherwise one for the status. */
function refusal(status: number, answer: unknown): string {
  const message = (answer as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message) return message;
  if (status === 401) return 'Your session has ended. Sign in again to upload.';
  if (status === 413) return 'The file is larger than this server accepts.';
  return `The upload failed (HTTP ${status}). Please try again.`;
}
