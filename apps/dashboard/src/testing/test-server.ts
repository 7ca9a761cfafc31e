import { randomUUID } from 'node:crypto';
import { createAuth } from '@replyline/auth';
import type { MemberRole } from '@replyline/core';
import { asUserId, createTenant, schema, withTenant, type PgBoss } from '@replyline/db';
import type { TestDatabase } from '@replyline/db/testing';
import { WORKSPACE_COOKIE } from '~/server/context';
import type { DashboardServer } from '~/server/db';

export const TEST_ORIGIN = 'http://localhost:3001';

/** The dashboard's server objects on a test database; jobs are collected instead of queued. */
export function testServer(t: TestDatabase) {
  const jobs: { queue: string; data: object }[] = [];
  const queue = {
    send: async (name: string, data: object) => {
      jobs.push({ queue: name, data });
      return randomUUID();
    },
  } as unknown as PgBoss;
  const auth = createAuth({
    db: t.db,
    queue,
    env: {
      secret: 'dashboard-test-secret'.padEnd(40, '-'),
      dashboardOrigin: TEST_ORIGIN,
      secureCookies: false,
    },
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
  });
  const server: DashboardServer = {
    db: t.db,
    queue,
    queueTarget: t.queueTarget,
    auth,
    services: { dashboardUrl: TEST_ORIGIN, apiUrl: 'http://api.test', stripe: null },
  };
  return { server, jobs };
}

/** A user with a live session; returns the Cookie header a browser would send. */
export async function signedInUser(
  t: TestDatabase,
  email = `u-${randomUUID().slice(0, 8)}@example.com`,
) {
  const [user] = await t.db
    .insert(schema.users)
    .values({ email })
    .returning({ id: schema.users.id });
  const sessionToken = randomUUID();
  await t.db.insert(schema.sessions).values({
    sessionToken,
    userId: user!.id,
    expires: new Date(Date.now() + 3600_000),
  });
  return { userId: asUserId(user!.id), email, cookie: `authjs.session-token=${sessionToken}` };
}

/**
 * A signed-in member of a new workspace, with that workspace selected: the Cookie header a
 * browser on the dashboard would send, as route handler tests need it.
 */
export async function signedInMember(
  t: TestDatabase,
  options: { name?: string; role?: MemberRole } = {},
) {
  const { tenantId } = await createTenant(t.db, {
    name: options.name ?? 'Northwind Movers',
    slug: `nw-${randomUUID().slice(0, 8)}`,
  });
  const user = await signedInUser(t);
  await withTenant(t.db, tenantId, (tx) =>
    tx
      .insert(schema.memberships)
      .values({ tenantId, userId: user.userId, role: options.role ?? 'agent' }),
  );
  return {
    tenantId,
    userId: user.userId,
    cookie: `${user.cookie}; ${WORKSPACE_COOKIE}=${tenantId}`,
  };
}
