import type { PgBoss } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { DeliveryDeps } from '../deliver-email';
import type { EmailDeps } from '../send-email';
import { startEmailWorker } from '../worker';
import { FAST_RETRY, openTestQueue } from './fixtures';

/** A migrated test database with a fast-polling queue, and what `sendEmail` needs on them. */
export interface EmailTestbed extends TestDatabase {
  boss: PgBoss;
  /** `sendEmail`'s dependencies, retrying without waiting. */
  deps: EmailDeps;
  /** Starts the email worker on the queue; it stops after the test that started it. */
  startWorker(deps: Omit<DeliveryDeps, 'db'>): Promise<void>;
}

/**
 * Opens the database and queue before the calling file's (or describe block's) tests and
 * closes them after. The object is filled in by that `beforeAll` hook: read it inside hooks
 * and tests, never at the top of the module.
 */
export function useEmailTestbed(): EmailTestbed {
  const testbed = {} as EmailTestbed;
  let database: TestDatabase | undefined;
  let boss: PgBoss | undefined;
  let workerId: string | null = null;
  beforeAll(async () => {
    database = await openTestDatabase();
    const queue = (boss = await openTestQueue(database));
    const db = database.db;
    Object.assign(testbed, database, {
      boss,
      deps: { db, queue, retry: FAST_RETRY },
      startWorker: async (deps: Omit<DeliveryDeps, 'db'>) => {
        workerId = await startEmailWorker(queue, { db, ...deps });
      },
    });
  }, 120_000);
  afterEach(async () => {
    if (workerId) await boss?.offWork({ id: workerId });
    workerId = null;
  });
  afterAll(async () => {
    await boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
    await database?.close();
  });
  return testbed;
}
