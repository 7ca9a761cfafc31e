import { describe, expect, it } from 'vitest';
import { busyTimesOf } from './busy-times';
import { freeSlots } from './free-slots';
import { zonedDateOf, zonedTimeToInstant } from './zoned-time';

const rules = {
  timezone: 'Europe/Stockholm',
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '11:00',
  slotMinutes: 60,
  bufferMinutes: 0,
  minNoticeMinutes: 0,
};

describe('slots in the business time zone', () => {
  it('keeps working hours in local time across the change to summer time', () => {
    expect(zonedTimeToInstant('2030-03-29', '09:00', 'Europe/Stockholm').toISOString()).toBe(
      '2030-03-29T08:00:00.000Z',
    );
    expect(zonedTimeToInstant('2030-04-01', '09:00', 'Europe/Stockholm').toISOString()).toBe(
      '2030-04-01T07:00:00.000Z',
    );
    expect(zonedDateOf(new Date('2030-03-31T23:30:00Z'), 'Europe/Stockholm')).toEqual({
      date: '2030-04-01',
      weekday: 1,
    });
    const slots = freeSlots(rules, [], {
      fromDate: '2030-03-29',
      days: 4,
      now: new Date('2030-03-01T00:00:00Z'),
    });
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2030-03-29T08:00:00.000Z',
      '2030-03-29T09:00:00.000Z',
      '2030-04-01T07:00:00.000Z',
      '2030-04-01T08:00:00.000Z',
    ]);
  });

  it('blocks every occurrence of a recurring event and skips cancelled or free ones', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VEVENT',
      'UID:weekly',
      'DTSTAMP:20300101T000000Z',
      'DTSTART;TZID=Europe/Stockholm:20300107T090000',
      'DTEND;TZID=Europe/Stockholm:20300107T093000',
      'RRULE:FREQ=DAILY;COUNT=3',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:cancelled',
      'DTSTAMP:20300101T000000Z',
      'DTSTART:20300107T090000Z',
      'DTEND:20300107T100000Z',
      'STATUS:CANCELLED',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:free',
      'DTSTAMP:20300101T000000Z',
      'DTSTART:20300108T090000Z',
      'DTEND:20300108T100000Z',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const range = {
      start: new Date('2030-01-06T00:00:00Z'),
      end: new Date('2030-01-12T00:00:00Z'),
    };
    const busy = busyTimesOf(ics, range);
    expect(busy).toHaveLength(3);
    const slots = freeSlots(rules, busy, { fromDate: '2030-01-07', days: 4, now: range.start });
    // 09:00 local is taken on the three days of the series; 10:00 stays free.
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2030-01-07T09:00:00.000Z',
      '2030-01-08T09:00:00.000Z',
      '2030-01-09T09:00:00.000Z',
      '2030-01-10T08:00:00.000Z',
      '2030-01-10T09:00:00.000Z',
    ]);
  });
});
