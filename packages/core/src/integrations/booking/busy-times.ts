import ICAL from 'ical.js';
import type { Interval } from './free-slots';

/** Past this, a recurring series is not expanded further (a guard against endless rules). */
const MAX_OCCURRENCES = 1_000;

/**
 * The busy times an iCalendar text holds within `range`: VEVENTs (recurring ones expanded,
 * cancelled and transparent ones skipped) and VFREEBUSY periods (FREE ones skipped).
 */
export function busyTimesOf(icsText: string, range: Interval): Interval[] {
  const root = new ICAL.Component(ICAL.parse(icsText) as unknown[]);
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  return calendars.flatMap((calendar) => [
    ...calendar.getAllSubcomponents('vevent').flatMap((event) => eventBusy(event, range)),
    ...calendar.getAllSubcomponents('vfreebusy').flatMap((fb) => freeBusyPeriods(fb, range)),
  ]);
}

function eventBusy(component: ICAL.Component, range: Interval): Interval[] {
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  const transp = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase();
  if (status === 'CANCELLED' || transp === 'TRANSPARENT') return [];
  const event = new ICAL.Event(component);
  if (!event.startDate) return [];
  if (!event.isRecurring())
    return clip({ start: event.startDate.toJSDate(), end: event.endDate.toJSDate() }, range);
  const durationMs = event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime();
  const iterator = event.iterator();
  const busy: Interval[] = [];
  for (
    let n = 0, next = iterator.next();
    next && n < MAX_OCCURRENCES;
    n += 1, next = iterator.next()
  ) {
    const start = next.toJSDate();
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
