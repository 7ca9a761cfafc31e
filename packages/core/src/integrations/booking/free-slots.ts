import type { TBookingSettings } from './booking-settings';
import { addDays, zonedDateOf, zonedTimeToInstant } from './zoned-time';

export interface Interval {
  start: Date;
  end: Date;
}

type SlotRules = Pick<
  TBookingSettings,
  | 'timezone'
  | 'workingDays'
  | 'dayStart'
  | 'dayEnd'
  | 'slotMinutes'
  | 'bufferMinutes'
  | 'minNoticeMinutes'
>;

/**
 * The bookable slots of the working days from `fromDate` for `days` days: back to back
 * within working hours, starting no sooner than the notice allows, and kept only when the
 * slot widened by the buffer on both sides touches no busy time.
 */
export function freeSlots(
  rules: SlotRules,
  busy: Interval[],
  range: { fromDate: string; days: number; now: Date; limit?: number },
): Interval[] {
  const slotMs = rules.slotMinutes * 60_000;
  const bufferMs = rules.bufferMinutes * 60_000;
  const earliest = range.now.getTime() + rules.minNoticeMinutes * 60_000;
  const slots: Interval[] = [];
  for (let day = 0; day < range.days; day += 1) {
    const date = addDays(range.fromDate, day);
    const dayStart = zonedTimeToInstant(date, rules.dayStart, rules.timezone);
    if (!rules.workingDays.includes(zonedDateOf(dayStart, rules.timezone).weekday)) continue;
    const dayEnd = zonedTimeToInstant(date, rules.dayEnd, rules.timezone).getTime();
    for (let start = dayStart.getTime(); start + slotMs <= dayEnd; start += slotMs) {
      if (start < earliest) continue;
      const widened = { start: start - bufferMs, end: start + slotMs + bufferMs };
      if (busy.some((b) => b.start.getTime() < widened.end && b.end.getTime() > widened.start))
        continue;
      slots.push({ start: new Date(start), end: new Date(start + slotMs) });
      if (range.limit && slots.length >= range.limit) return slots;
    }
  }
  return slots;
}

/** Whether `start` is one of the free slots (a booked time is checked again, never trusted). */
export function isFreeSlot(rules: SlotRules, busy: Interval[], start: Date, now: Date): boolean {
  const { date } = zonedDateOf(start, rules.timezone);
  return freeSlots(rules, busy, { fromDate: date, days: 1, now }).some(
    (slot) => slot.start.getTime() === start.getTime(),
  );
}
