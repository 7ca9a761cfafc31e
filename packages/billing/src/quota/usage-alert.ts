export type UsageAlertLevel = 80 | 100;

/**
 * The usage alert that one step of usage crossed, for "you have used 80% / 100%" emails:
 * 100 when it reached the included amount, 80 when it reached 80% of it, null otherwise.
 * Crossing both at once reports 100 only; steps inside one band report nothing, so each alert
 * goes out once per period however often this is called.
 */
export function usageAlertLevel(
  before: number,
  after: number,
  included: number,
): UsageAlertLevel | null {
  if (!(included > 0) || !Number.isFinite(included) || after <= before) return null;
  // Integer comparisons: 80% of 2,000 is reached at exactly 1,600 replies.
  const reached = (percent: number, used: number) => used * 100 >= included * percent;
  for (const level of [100, 80] as const) {
    if (reached(level, after) && !reached(level, before)) return level;
  }
  return null;
}
