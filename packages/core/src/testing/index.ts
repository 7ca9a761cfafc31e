// Test support for the domain's and its transports' integration tests.
import { randomUUID } from 'node:crypto';
import {
  asUserId,
  createTenant,
  schema,
  withTenant,
  type Database,
  type TenantId,
} from '@replyline/db';
import type { MemberRole } from '../team/roles';

/** A workspace for a test, with a unique slug. */
export async function newWorkspace(db: Database, name = 'Workspace') {
  return createTenant(db, { name, slug: `w-${randomUUID().slice(0, 8)}` });
}

/** A user who is a member of `tenantId` with `role`. */
export async function newMember(db: Database, tenantId: TenantId, role: MemberRole) {
  const [user] = await db
    .insert(schema.users)
    .values({ email: `${role}-${randomUUID().slice(0, 8)}@example.com`, name: `A ${role}` })
    .returning({ id: schema.users.id });
  const userId = asUserId(user!.id);
  await withTenant(db, tenantId, (tx) =>
    tx.insert(schema.memberships).values({ tenantId, userId, role }),
  );
  return userId;
}
