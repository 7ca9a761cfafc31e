const DAY_MS = 24 * 60 * 60 * 1000;

export type CrawlSchedule = 'daily' | 'weekly' | 'manual';

/** When a source is crawled again on its own; manual sources only when asked. */
export function nextCrawlAt(schedule: CrawlSchedule, from: Date): Date | null {
  if (schedule === 'daily') return new Date(from.getTime() + DAY_MS);
  if (schedule === 'weekly') return new Date(from.getTime() + 7 * DAY_MS);
  return null;
}
