import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { testServer } from '~/testing/test-server';
import type { DashboardServer } from './db';

/** What a test file's mock of `./db` answers `getServer()` with. */
export interface ServerSlot {
  server: DashboardServer | null;
}

/**
 * A test database behind the dashboard's route handlers and pages, opened before the calling
 * file's tests and closed after them. vi.mock is hoisted only in a test file, so the file
 * mocks `~/server/db` itself and hands its slot over:
 *
 *   const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
 *   vi.mock('~/server/db', () => ({ getServer: async () => state.server }));
 *   const t = useTestServer(state);
 *
 * The returned database is filled in by the `beforeAll` hook: read it inside hooks and tests.
 */
export function useTestServer(slot: ServerSlot): TestDatabase {
  const testbed = {} as TestDatabase;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    slot.server = testServer(database).server;
    Object.assign(testbed, database);
  }, 120_000);
  afterAll(async () => database?.close());
  return testbed;
}
