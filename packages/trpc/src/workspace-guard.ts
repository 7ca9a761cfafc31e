import { DomainError } from '@replyline/core';
import { schema, withUser, type Database, type TenantId, type UserId } from '@replyline/db';
import { eq } from 'drizzle-orm';

/**
 * Refuses a call from a page loaded for another workspace than the one now selected. The
 * dashboard's client names its page's workspace in every call; the selection is the workspace
 * cookie, which another tab can change at any time. Such a page's form holds the other
 * workspace's data, and saving it would write A's settings into B. Only compares: the tenant
 * id used for data still comes from the membership row.
 */
export async function refuseOtherWorkspace(ctx: {
  db: Database;
  userId: UserId;
  selectedTenantId: TenantId;
  pageWorkspaceId: string | null;
}): Promise<void> {
  if (ctx.pageWorkspaceId === null || ctx.pageWorkspaceId === ctx.selectedTenantId) return;
  const names = await workspaceNames(ctx.db, ctx.userId);
  const named = (id: string) => names.get(id) ?? null;
  const loaded = named(ctx.pageWorkspaceId);
  const selected = named(ctx.selectedTenantId) ?? 'another workspace';
  throw new DomainError(
    'conflict',
    `This page was loaded for ${loaded ? `workspace ${loaded}` : 'another workspace'}; you have switched to ${selected}. Reload to edit ${selected}.`,
  );
}

/** The names of the user's own workspaces (read as the user: RLS shows no others). */
async function workspaceNames(db: Database, userId: UserId): Promise<Map<string, string>> {
  const { memberships, tenants } = schema;
  const rows = await withUser(db, userId, (tx) =>
    tx
      .select({ id: tenants.id, name: tenants.name })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(eq(memberships.userId, userId)),
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}
