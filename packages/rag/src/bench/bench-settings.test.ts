import { describe, expect, it } from 'vitest';
import { benchDatabaseUrls } from './bench-database';
import { budgetLine } from './budget-line';
import { readBenchEnv } from './env';

describe('retrieval bench settings', () => {
  it('names the bench database after the app database, for both roles', () => {
    expect(
      benchDatabaseUrls({
        DATABASE_URL: 'postgres://app:secret@127.0.0.1:5432/replyline?sslmode=disable',
        DATABASE_OWNER_URL: 'postgres://owner:secret@127.0.0.1:5432/replyline',
      }),
    ).toEqual({
      app: 'postgres://app:secret@127.0.0.1:5432/replyline_bench?sslmode=disable',
      owner: 'postgres://owner:secret@127.0.0.1:5432/replyline_bench',
      name: 'replyline_bench',
    });
    expect(
      benchDatabaseUrls({
        DATABASE_URL: 'postgresql://app@db/support',
        DATABASE_OWNER_URL: undefined,
      })?.owner,
    ).toBe('postgresql://app@db/support_bench');
    expect(
      benchDatabaseUrls({ DATABASE_URL: undefined, DATABASE_OWNER_URL: undefined }),
    ).toBeNull();
  });

  it('keeps the dataset only when BENCH_KEEP says so', () => {
    expect(readBenchEnv({}).keepDataset).toBe(false);
    expect(readBenchEnv({ BENCH_KEEP: '' }).keepDataset).toBe(false);
    expect(readBenchEnv({ BENCH_KEEP: '0' }).keepDataset).toBe(false);
    expect(readBenchEnv({ BENCH_KEEP: 'false' }).keepDataset).toBe(false);
    expect(readBenchEnv({ BENCH_KEEP: '1' }).keepDataset).toBe(true);
  });

  it('prints a figure against its budget in the summary format', () => {
    const line = {
      figure: 'retrieval at 1,000,000 passages',
      value: 'p95 120 ms',
      budget: 'p95 <= 100 ms',
    };
    expect(budgetLine({ ...line, met: false, baseline: 'ts_rank p95 4 s' })).toBe(
      '[budget] retrieval at 1,000,000 passages: p95 120 ms (budget p95 <= 100 ms) NOT MET; baseline ts_rank p95 4 s',
    );
    expect(budgetLine({ ...line, met: true, baseline: 'x' })).toMatch(/\) ok; baseline x$/);
  });
});
