import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedRateLimiter, RateLimiterRes } from './rate-limits';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

describe('shared rate limits', () => {
  it('counts one key across two limiter instances (two processes) and refuses past the limit', async () => {
    const limit = { keyPrefix: `test-${Date.now()}`, points: 3, durationSeconds: 60 };
    const first = createSharedRateLimiter(t.db, limit);
    const second = createSharedRateLimiter(t.db, limit);
    await first.consume('198.51.100.7');
    await second.consume('198.51.100.7');
    await first.consume('198.51.100.7');
    const refused = await second.consume('198.51.100.7').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
    // Another key has its own count.
    await expect(first.consume('203.0.113.9')).resolves.toBeInstanceOf(RateLimiterRes);
  });
});
