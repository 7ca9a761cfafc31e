import { readCookie } from '@replyline/auth';
import { asDomainError, HTTP_STATUS_OF } from '@replyline/core';
import type { Database, TenantId } from '@replyline/db';
import { createCaller } from '@replyline/trpc';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import { attachmentDisposition } from '~/components/inbox/download';
import { dashboardContext, WORKSPACE_COOKIE } from './context';
import { getServer } from './db';
import { refusal } from './request-guard';

// The route handlers that hand out a file kept in a workspace (a customer's email attachment,
// a document's original) answer the same people the same way: one place decides who may have
// the file, what a refusal says, and the headers that keep its bytes from acting as a page.

/** What a file route says when it refuses; each route names its own kind of file. */
export interface FileRouteWords {
  /** 404 for a path id that is no UUID: no such file can exist. */
  notFound: string;
  /** 401 when no one is signed in. */
  signedOut: string;
  /** 500 when something of ours broke; the error itself is logged under `logLabel`. */
  failed: string;
  logLabel: string;
}

export interface WorkspaceFileSource {
  /**
   * Calls the procedure of the file's owner (its ticket, the document itself), which checks
   * membership and role, and that the selected workspace has it.
   */
  check: (api: ReturnType<typeof createCaller>) => Promise<unknown>;
  /** Reads the file in the workspace `check` admitted, and answers with it. */
  serve: (db: Database, tenantId: TenantId) => Promise<Response>;
}

/**
 * Answers a request for a file in the selected workspace: 404 for ids that are no UUID, 401
 * signed out, the procedure's own status and words for a non-member or another workspace's
 * file (403 / 404), and 500 in words for anything else.
 */
export async function serveWorkspaceFile(
  request: Request,
  ids: readonly string[],
  words: FileRouteWords,
  source: WorkspaceFileSource,
): Promise<Response> {
  if (!ids.every((id) => z.uuid().safeParse(id).success)) return refusal(404, words.notFound);
  const server = await getServer();
  const user = await server.auth.getSessionUser(request);
  if (!user) return refusal(401, words.signedOut);
  const ctx = dashboardContext(server, user, {
    workspaceCookie: readCookie(request, WORKSPACE_COOKIE),
    headers: request.headers,
  });
  try {
    await source.check(createCaller(ctx));
    // The check went through tenantProcedure, which refuses a request without a workspace.
    const tenantId = ctx.selectedTenantId;
    if (!tenantId) throw new Error('The membership check passed without a selected workspace.');
    return await source.serve(ctx.db, tenantId);
  } catch (error) {
    return refusalFor(error, words);
  }
}

function refusalFor(error: unknown, words: FileRouteWords): Response {
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR')
    return refusal(getHTTPStatusCodeFromError(error), error.message);
  const refused = asDomainError(error);
  if (refused) return refusal(HTTP_STATUS_OF[refused.code], refused.message);
  console.error(words.logLabel, error);
  return refusal(500, words.failed);
}

/** A kept file as the route hands it out. */
export interface KeptFile {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * The file's response. A download is saved, never sniffed, and sandboxed with no sources in
 * case a browser shows it anyway: the bytes came from someone outside the workspace. `inline`
 * is for kinds a browser shows without running anything (PDF, plain text); a sandbox would
 * also keep the browser's own PDF viewer from opening the file, so those get none.
 */
export function keptFileResponse(file: KeptFile, shown: 'download' | 'inline'): Response {
  const disposition = attachmentDisposition(file.filename);
  const download = shown === 'download';
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': download ? disposition : disposition.replace(/^attachment/, 'inline'),
      'x-content-type-options': 'nosniff',
      ...(download ? { 'content-security-policy': "default-src 'none'; sandbox" } : {}),
      'cache-control': 'private, no-store',
    },
  });
}
