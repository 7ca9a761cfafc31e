import { describe, expect, it } from 'vitest';
import { replyUsageKey } from './usage-keys';
import { usageAlertLevel } from './usage-alert';

describe('usageAlertLevel', () => {
  it('reports 80 when a step reaches 80% of the included replies', () => {
    expect(usageAlertLevel(1_599, 1_600, 2_000)).toBe(80);
    expect(usageAlertLevel(1_598, 1_599, 2_000)).toBeNull();
  });

  it('reports 100 when a step reaches the included amount, even past 80 at once', () => {
    expect(usageAlertLevel(1_999, 2_000, 2_000)).toBe(100);
    expect(usageAlertLevel(10, 2_500, 2_000)).toBe(100);
  });

  it('reports nothing inside a band, so each alert is sent once per period', () => {
    expect(usageAlertLevel(1_700, 1_701, 2_000)).toBeNull();
    expect(usageAlertLevel(2_100, 2_101, 2_000)).toBeNull();
    expect(usageAlertLevel(5, 5, 100)).toBeNull();
  });

  it('reports nothing without an included amount', () => {
    expect(usageAlertLevel(0, 10, 0)).toBeNull();
    expect(usageAlertLevel(0, 10, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('replyUsageKey', () => {
  it('is the same for the same message, so a retried answer is counted once', () => {
    expect(replyUsageKey('m-1')).toBe('reply:m-1');
    expect(replyUsageKey('m-1')).toBe(replyUsageKey('m-1'));
  });
});
