import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import type Stripe from 'stripe';
import { afterAll, beforeAll } from 'vitest';
import { startStripeStub, type StripeStub } from './stripe-stub';

/** A migrated test database plus a local Stripe stub and the official SDK pointed at it. */
export interface StripeTestbed extends TestDatabase {
  stub: StripeStub;
  stripe: Stripe;
}

/**
 * Opens the database and the stub before the calling file's tests and closes both after them.
 * The object is filled in by that `beforeAll` hook: read it inside hooks and tests, never at
 * the top of the module.
 */
export function useStripeTestbed(): StripeTestbed {
  const testbed = {} as StripeTestbed;
  let database: TestDatabase | undefined;
  let stub: StripeStub | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    stub = await startStripeStub();
    Object.assign(testbed, database, { stub, stripe: stub.client() });
  }, 120_000);
  afterAll(async () => {
    await stub?.close();
    await database?.close();
  });
  return testbed;
}
