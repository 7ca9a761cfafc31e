import { PAGE_WORKSPACE_HEADER } from '~/trpc/protocol';
import type { InboxFilterInput } from './inbox-filter';

export type ExportFormat = 'csv' | 'json';

/** What the export route takes: chosen conversations, or everything a filter matches. */
export interface ExportRequest {
  format: ExportFormat;
  ids?: string[];
  filter?: InboxFilterInput;
  includeNotes?: boolean;
}

/**
 * The name the server gave the file (Content-Disposition), preferring the RFC 5987 `filename*`
 * form; `fallback` when there is none.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || fallback;
}

/** The Content-Disposition for an attachment, safe for any file name (RFC 6266). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Asks the export route for a file. Resolves with the file, or rejects with the server's own
 * message (a refusal, a bad filter) for the page to show. `workspaceId` is the workspace the
 * page shows: the server refuses the export if another one has been selected since (409).
 */
export async function fetchExport(
  request: ExportRequest,
  fetcher: typeof fetch = fetch,
  workspaceId: string | null = null,
): Promise<{ blob: Blob; filename: string }> {
  const response = await fetcher('/api/inbox/export', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(workspaceId ? { [PAGE_WORKSPACE_HEADER]: workspaceId } : {}),
    },
    body: JSON.stringify(request),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(problem?.message ?? `The export failed (${response.status}). Try again.`);
  }
  const fallback = `conversations.${request.format}`;
  return {
    blob: await response.blob(),
    filename: filenameFromDisposition(response.headers.get('content-disposition'), fallback),
  };
}

/** Hands a file to the browser's downloads, as if a link to it was clicked. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Data the page already has (a GDPR export) as a pretty-printed JSON file. */
export function jsonFile(data: unknown): Blob {
  return new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
}
