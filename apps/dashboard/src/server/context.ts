import { isIP } from 'node:net';
import { createContextInner, type Context } from '@replyline/trpc';
import type { SessionUser } from '@replyline/auth';
import { asTenantId, type TenantId } from '@replyline/db';
import { z } from 'zod';
import { PAGE_WORKSPACE_HEADER } from '~/trpc/protocol';
import type { DashboardServer } from './db';

/** The selected workspace's id; the server checks membership before using it. */
export const WORKSPACE_COOKIE = 'rl_workspace';

/** The tRPC context of one dashboard request, from its session user, cookie and headers. */
export function dashboardContext(
  server: DashboardServer,
  user: SessionUser | null,
  request: { workspaceCookie: string | null; headers: Headers },
): Context {
  return createContextInner({
    db: server.db,
    userId: user?.userId ?? null,
    selectedTenantId: workspaceFromCookie(request.workspaceCookie),
    pageWorkspaceId: pageWorkspace(request.headers),
    requestIp: clientIp(request.headers),
    services: {
      enqueue: (queue, data, options) => server.queue.send(queue, data, options ?? {}),
      dashboardUrl: server.services.dashboardUrl,
      apiUrl: server.services.apiUrl,
      stripe: server.services.stripe ?? undefined,
    },
  });
}

/**
 * Only the shape is checked here; whether the user belongs to that workspace is checked by
 * `tenantProcedure` on every call, so a forged cookie reaches nothing.
 */
export function workspaceFromCookie(value: string | null | undefined): TenantId | null {
  return value && z.uuid().safeParse(value).success ? asTenantId(value) : null;
}

/** The workspace the calling page was loaded for, as its tRPC client says (compared, never used). */
export function pageWorkspace(headers: Headers): string | null {
  return headers.get(PAGE_WORKSPACE_HEADER)?.trim().slice(0, 100) || null;
}

/**
 * The client's address for the audit log: the first hop the proxy recorded. The column is
 * `inet`, so anything that is not an address (a forged header) is recorded as unknown.
 */
export function clientIp(headers: Headers): string | null {
  const candidate =
    headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip')?.trim();
  return candidate && isIP(candidate) ? candidate : null;
}
