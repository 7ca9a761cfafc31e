import ICAL from 'ical.js';
import type { Interval } from './free-slots';
import { zonedTimeToInstant } from './zoned-time';

/** Past this, a recurring series is not expanded further (a guard against endless rules). */
const MAX_OCCURRENCES = 1_000;

/**
 * The busy times an iCalendar text holds within `range`: VEVENTs (recurring ones expanded,
 * cancelled and transparent ones skipped) and VFREEBUSY periods (FREE ones skipped).
 */
export function busyTimesOf(icsText: string, range: Interval, businessZone = 'UTC'): Interval[] {
  const instant = (time: ICAL.Time, tzid?: string) => instantOf(time, tzid, businessZone);
  const root = new ICAL.Component(ICAL.parse(icsText) as unknown[]);
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  return calendars.flatMap((calendar) => [
    ...calendar.getAllSubcomponents('vevent').flatMap((event) => eventBusy(event, range, instant)),
    ...calendar.getAllSubcomponents('vfreebusy').flatMap((fb) => freeBusyPeriods(fb, range)),
  ]);
}

type ToInstant = (time: ICAL.Time, tzid?: string) => Date;

/**
 * A calendar time as an instant. Times in UTC or in a zone the file defines are exact; a TZID
 * the file does not define (feeds often leave VTIMEZONE out) is read as that IANA zone, and a
 * floating time or an all-day date as the business's own zone.
 */
function instantOf(time: ICAL.Time, tzid: string | undefined, businessZone: string): Date {
  const zone = time.zone?.tzid;
  if (!time.isDate && zone && zone !== 'floating') return time.toJSDate();
  const named = tzid && isTimeZone(tzid) ? tzid : businessZone;
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = zonedTimeToInstant(
    `${time.year}-${pad(time.month)}-${pad(time.day)}`,
    `${pad(time.isDate ? 0 : time.hour)}:${pad(time.isDate ? 0 : time.minute)}`,
    named,
  );
  return new Date(at.getTime() + (time.isDate ? 0 : time.second * 1000));
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function eventBusy(component: ICAL.Component, range: Interval, instant: ToInstant): Interval[] {
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  const transp = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase();
  if (status === 'CANCELLED' || transp === 'TRANSPARENT') return [];
  const event = new ICAL.Event(component);
  if (!event.startDate) return [];
  const tzidOf = (name: string) => {
    const tzid = component.getFirstProperty(name)?.getParameter('tzid');
    return typeof tzid === 'string' ? tzid : undefined;
  };
  const startZone = tzidOf('dtstart');
  const first = {
    start: instant(event.startDate, startZone),
    end: instant(event.endDate, tzidOf('dtend') ?? startZone),
  };
  if (!event.isRecurring()) return clip(first, range);
  const durationMs = first.end.getTime() - first.start.getTime();
  const iterator = event.iterator();
  const busy: Interval[] = [];
  for (
    let n = 0, next = iterator.next();
    next && n < MAX_OCCURRENCES;
    n += 1, next = iterator.next()
  ) {
    const start = instant(next, startZone);
    if (start >= range.end) break;
    busy.push(...clip({ start, end: new Date(start.getTime() + durationMs) }, range));
  }
  return busy;
}

function freeBusyPeriods(component: ICAL.Component, range: Interval): Interval[] {
  return component.getAllProperties('freebusy').flatMap((property) => {
    const kind = String(property.getParameter('fbtype') ?? 'BUSY').toUpperCase();
    if (kind === 'FREE') return [];
    return property.getValues().flatMap((value) => {
      const period = value as ICAL.Period;
      return clip({ start: period.start.toJSDate(), end: period.getEnd().toJSDate() }, range);
    });
  });
}

function clip(interval: Interval, range: Interval): Interval[] {
  return interval.end > range.start && interval.start < range.end ? [interval] : [];
}
