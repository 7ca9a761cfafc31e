import { openQueue, type PgBoss } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { createAuth, type DashboardAuth } from '../create-auth';

/** The dashboard origin the test sign-in runs under (plain http, so no secure cookies). */
export const TEST_ORIGIN = 'http://localhost:3001';

const env = {
  secret: 'test-secret-'.padEnd(48, 'x'),
  dashboardOrigin: TEST_ORIGIN,
  secureCookies: false,
};
const silent = { error: () => {}, warn: () => {}, debug: () => {} };

/** A migrated test database, its job queue, and the dashboard's Auth.js bound to both. */
export interface AuthTestbed extends TestDatabase {
  queue: PgBoss;
  auth: DashboardAuth;
}

/**
 * Opens the database, the queue and sign-in before the calling file's tests and closes them
 * after. The object is filled in by that `beforeAll` hook: read it inside hooks and tests,
 * never at the top of the module.
 */
export function useAuthTestbed(): AuthTestbed {
  const testbed = {} as AuthTestbed;
  let database: TestDatabase | undefined;
  let queue: PgBoss | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    queue = await openQueue(database.queueTarget, { supervise: false, schedule: false });
    queue.on('error', () => undefined);
    const auth = createAuth({ db: database.db, queue, env, logger: silent });
    Object.assign(testbed, database, { queue, auth });
  }, 120_000);
  afterAll(async () => {
    await queue?.stop({ graceful: false, wait: true });
    await database?.close();
  });
  return testbed;
}
