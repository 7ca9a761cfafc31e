import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedRateLimiter, RateLimiterRes } from './rate-limits';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

const uniquePrefix = (name: string) => `test-${name}-${Date.now()}-${Math.random()}`;
const outcome = (consumed: Promise<RateLimiterRes>) =>
  consumed.then(
    (res) => ({ admitted: true, consumed: res.consumedPoints }),
    (error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error;
      return { admitted: false, consumed: error.consumedPoints };
    },
  );

describe('shared rate limits', () => {
  it('counts one key across two limiter instances (two processes) and refuses past the limit', async () => {
    const limit = { keyPrefix: uniquePrefix('two'), points: 3, durationSeconds: 60 };
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

  it('admits exactly the limit when many requests count at once, in arrival order', async () => {
    const limiter = createSharedRateLimiter(t.db, {
      keyPrefix: uniquePrefix('burst'),
      points: 5,
      durationSeconds: 60,
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => outcome(limiter.consume('tenant-a'))),
    );
    expect(results.map((r) => r.consumed)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(results.filter((r) => r.admitted)).toHaveLength(5);
    expect(results.slice(0, 5).every((r) => r.admitted)).toBe(true);
  });

  it('keeps the keys and limits of different limiters apart within one statement', async () => {
    const tight = createSharedRateLimiter(t.db, {
      keyPrefix: uniquePrefix('tight'),
      points: 1,
      durationSeconds: 60,
    });
    const loose = createSharedRateLimiter(t.db, {
      keyPrefix: uniquePrefix('loose'),
      points: 10,
      durationSeconds: 60,
    });
    const [a, b, c, d] = await Promise.all([
      outcome(tight.consume('k')),
      outcome(loose.consume('k')),
      outcome(tight.consume('k')),
      outcome(loose.consume('k', 4)),
    ]);
    expect([a, b, c, d]).toEqual([
      { admitted: true, consumed: 1 },
      { admitted: true, consumed: 1 },
      { admitted: false, consumed: 2 },
      { admitted: true, consumed: 5 },
    ]);
  });

  it('starts a new window once the old one has passed', async () => {
    const limiter = createSharedRateLimiter(t.db, {
      keyPrefix: uniquePrefix('window'),
      points: 1,
      durationSeconds: 1,
    });
    await limiter.consume('visitor');
    await expect(limiter.consume('visitor')).rejects.toBeInstanceOf(RateLimiterRes);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(limiter.consume('visitor')).resolves.toMatchObject({ consumedPoints: 1 });
  });

  it('gives back points of a request another limit refused, never below zero', async () => {
    const limiter = createSharedRateLimiter(t.db, {
      keyPrefix: uniquePrefix('refund'),
      points: 2,
      durationSeconds: 60,
    });
    await limiter.consume('tenant-a');
    await limiter.consume('tenant-a');
    await limiter.refund('tenant-a');
    await expect(limiter.consume('tenant-a')).resolves.toMatchObject({ consumedPoints: 2 });
    await limiter.refund('tenant-a', 5);
    await expect(limiter.consume('tenant-a')).resolves.toMatchObject({ consumedPoints: 1 });
  });

  it('sets and deletes a key outright (leases)', async () => {
    const leases = createSharedRateLimiter(t.db, {
      keyPrefix: uniquePrefix('lease'),
      points: 1,
      durationSeconds: 60,
    });
    await leases.consume('slot-0');
    await expect(leases.consume('slot-0')).rejects.toBeInstanceOf(RateLimiterRes);
    await leases.delete('slot-0');
    await expect(leases.consume('slot-0')).resolves.toMatchObject({ consumedPoints: 1 });
    await leases.set('slot-0', 1, 60);
    await expect(leases.consume('slot-0')).rejects.toMatchObject({ consumedPoints: 2 });
  });
});
