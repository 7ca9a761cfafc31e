import { schema, withUser, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, eq } from 'drizzle-orm';
import type { MemberRole } from '../team/roles';

/** The user's role in the workspace, or null when they are not a member (read as the user). */
export async function memberRole(
  db: Database,
  userId: UserId,
  tenantId: TenantId,
): Promise<MemberRole | null> {
  const { memberships } = schema;
  const [row] = await withUser(db, userId, (tx) =>
    tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.tenantId, tenantId))),
  );
  return row?.role ?? null;
}
