export const RANGES = [7, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

/**
 * The last `days` days in the viewer's time zone, today included: from the start of the
 * earliest day to the start of tomorrow (the period is [from, to)).
 */
export function periodFor(days: RangeDays, now: Date, timeZone: string) {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate() - days);
  return { from, to: tomorrow, timeZone };
}

/** The browser's IANA zone, so "per day" means the viewer's days; UTC if unknown. */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const shortDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** Per-day rows for the activity chart, labelled "3 Mar". */
export function activityChartData(
  perDay: { day: string; conversations: number; messages: number }[],
) {
  return perDay.map((d) => ({
    day: d.day,
    label: shortDay.format(new Date(`${d.day}T00:00:00Z`)),
    conversations: d.conversations,
    messages: d.messages,
  }));
}

export const SENTIMENT_COLORS = {
  negative: '#dc2626',
  confused: '#f59e0b',
  positive: '#16a34a',
  neutral: '#94a3b8',
} as const;

/** Sentiment shares (0–1) as chart slices in percent; none when no customer wrote. */
export function sentimentChartData(sentiment: {
  messages: number;
  negative: number;
  confused: number;
  positive: number;
  neutral: number;
}) {
  if (sentiment.messages === 0) return [];
  return (['negative', 'confused', 'positive', 'neutral'] as const).map((tone) => ({
    tone,
    name: tone[0]!.toUpperCase() + tone.slice(1),
    percent: Math.round(sentiment[tone] * 1000) / 10,
    color: SENTIMENT_COLORS[tone],
  }));
}

/** A rate for a KPI card: "42%", or "—" when there was nothing to divide. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A duration for a KPI card: "4 s", "2 min 5 s", "1 h 3 min", or "—". */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const minutes = Math.round((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

/** CSAT for a KPI card: "4.3 / 5" or "—". */
export function formatCsat(average: number | null): string {
  return average === null ? '—' : `${average.toFixed(1)} / 5`;
}
