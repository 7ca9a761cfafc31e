import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq, inArray } from 'drizzle-orm';

const { memberships, users } = schema;

/** The addresses of a workspace's owners and admins: who hears about tickets and billing. */
export async function teamRecipients(tx: TenantDb, tenantId: TenantId): Promise<string[]> {
  const team = await tx
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, ['owner', 'admin'])));
  return team.map((member) => member.email);
}
