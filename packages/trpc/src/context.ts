import type { Database, TenantId, UserId } from '@replyline/db';
import type { Context, ContextServices } from '@replyline/core';

export type { Context, ContextServices };

/**
 * The context without a request: the dashboard's route handler fills it from the session
 * and cookies, tests fill it directly and call procedures through `createCaller`.
 */
export function createContextInner(input: {
  db: Database;
  userId?: UserId | null;
  selectedTenantId?: TenantId | null;
  pageWorkspaceId?: string | null;
  requestIp?: string | null;
  services?: ContextServices;
}): Context {
  return {
    db: input.db,
    userId: input.userId ?? null,
    selectedTenantId: input.selectedTenantId ?? null,
    pageWorkspaceId: input.pageWorkspaceId ?? null,
    requestIp: input.requestIp ?? null,
    ...input.services,
  };
}
