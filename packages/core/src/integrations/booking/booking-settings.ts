import { z } from 'zod';

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write times as HH:MM, e.g. 09:00.');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the owner sets for bookings: where busy times come from (a CalDAV calendar, which
 * also receives the booked events, or a read-only ICS free/busy feed), the working week in the
 * business's time zone, and how long a slot is with how much free time around it.
 */
export const ZBookingSettings = z
  .object({
    calendarUrl: z.url().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    icsFeedUrl: z.url().optional(),
    timezone: z
      .string()
      .refine(isTimeZone, 'Use an IANA time zone such as Europe/Stockholm.')
      .default('UTC'),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
    dayStart: ZClock.default('09:00'),
    dayEnd: ZClock.default('17:00'),
    slotMinutes: z.number().int().min(5).max(480).default(30),
    bufferMinutes: z.number().int().min(0).max(240).default(0),
    /** How soon a slot may start, so nobody books a time that is about to pass. */
    minNoticeMinutes: z.number().int().min(0).max(10_080).default(60),
    horizonDays: z.number().int().min(1).max(90).default(14),
    summary: z.string().trim().min(1).max(120).default('Appointment'),
    workspaceName: z.string().trim().min(1).max(120).default('us'),
  })
  .refine((s) => s.calendarUrl || s.icsFeedUrl, {
    message: 'Enter a CalDAV calendar address or an ICS feed address.',
  })
  .refine((s) => s.dayStart < s.dayEnd, { message: 'The working day must end after it starts.' });
export type TBookingSettings = z.infer<typeof ZBookingSettings>;

export const BOOKING_SECRET_SETTINGS = ['password'];
