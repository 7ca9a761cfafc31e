/**
 * Wall-clock time in a time zone <-> instants, with nothing but Intl: the offset a zone has
 * at an instant is read from its formatted parts, and a wall-clock time is found by
 * correcting a first guess with that offset twice (enough across DST changes).
 */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** "2026-12-07" + "09:00" in Europe/Stockholm -> 2026-12-07T08:00:00Z. */
export function zonedTimeToInstant(date: string, clock: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - offsetMinutesAt(new Date(wall), timeZone) * 60_000;
  instant = wall - offsetMinutesAt(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** The calendar date ("2026-12-07") and ISO weekday (1 = Monday) of an instant in a zone. */
export function zonedDateOf(instant: Date, timeZone: string): { date: string; weekday: number } {
  const local = new Date(instant.getTime() + offsetMinutesAt(instant, timeZone) * 60_000);
  return { date: local.toISOString().slice(0, 10), weekday: ((local.getUTCDay() + 6) % 7) + 1 };
}

/** The date `days` after a "YYYY-MM-DD" date. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
