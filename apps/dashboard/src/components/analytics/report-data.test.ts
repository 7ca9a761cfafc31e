import { describe, expect, it } from 'vitest';
import {
  activityChartData,
  formatCsat,
  formatRate,
  formatSeconds,
  periodFor,
  sentimentChartData,
} from './report-data';

describe('the period of a date range', () => {
  it('covers the last N local days, today included, ending at tomorrow’s start', () => {
    const now = new Date(2026, 2, 10, 15, 30);
    const { from, to, timeZone } = periodFor(7, now, 'Europe/Stockholm');
    expect(to).toEqual(new Date(2026, 2, 11));
    expect(from).toEqual(new Date(2026, 2, 4));
    expect(timeZone).toBe('Europe/Stockholm');
    expect(periodFor(30, now, 'UTC').from).toEqual(new Date(2026, 1, 9));
  });
});

describe('chart data', () => {
  it('labels each day and keeps its counts', () => {
    expect(
      activityChartData([
        { day: '2026-03-01', conversations: 2, messages: 9 },
        { day: '2026-03-02', conversations: 0, messages: 0 },
      ]),
    ).toEqual([
      { day: '2026-03-01', label: '1 Mar', conversations: 2, messages: 9 },
      { day: '2026-03-02', label: '2 Mar', conversations: 0, messages: 0 },
    ]);
  });

  it('turns sentiment shares into percent slices, and nothing when nobody wrote', () => {
    const slices = sentimentChartData({
      messages: 8,
      negative: 0.125,
      confused: 0.25,
      positive: 0.5,
      neutral: 0.125,
    });
    expect(slices.map((s) => [s.name, s.percent])).toEqual([
      ['Negative', 12.5],
      ['Confused', 25],
      ['Positive', 50],
      ['Neutral', 12.5],
    ]);
    expect(
      sentimentChartData({ messages: 0, negative: 0, confused: 0, positive: 0, neutral: 0 }),
    ).toEqual([]);
  });
});

describe('KPI formatting', () => {
  it('shows rates, durations and CSAT, with a dash for no data', () => {
    expect(formatRate(0.426)).toBe('43%');
    expect(formatRate(null)).toBe('—');
    expect(formatSeconds(4.2)).toBe('4 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatSeconds(3780)).toBe('1 h 3 min');
    expect(formatSeconds(null)).toBe('—');
    expect(formatCsat(4.25)).toBe('4.3 / 5');
    expect(formatCsat(null)).toBe('—');
  });
});
