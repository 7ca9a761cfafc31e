import {
  createCalendarObject,
  deleteCalendarObject,
  fetchCalendarObjects,
  getBasicAuthHeaders,
  updateCalendarObject,
} from 'tsdav';
import { DomainError } from '../../domain-error';
import { callVendor, vendorFetch } from '../vendor-fetch';
import type { TBookingSettings } from './booking-settings';
import { busyTimesOf } from './busy-times';
import type { Interval } from './free-slots';

const CALDAV = 'The calendar (CalDAV)';
const FEED = 'The calendar feed';

interface CalendarCall {
  signal?: AbortSignal;
}

/** Busy times between `range.start` and `range.end` from the CalDAV calendar or the ICS feed. */
export async function readBusyTimes(
  settings: TBookingSettings,
  range: Interval,
  call: CalendarCall = {},
): Promise<Interval[]> {
  if (settings.calendarUrl) return caldavBusy(settings, settings.calendarUrl, range, call);
  if (settings.icsFeedUrl) return feedBusy(settings.icsFeedUrl, settings.timezone, range, call);
  return [];
}

/** REPORT calendar-query with a time range (RFC 4791 §7.8), calendar data included. */
async function caldavBusy(
  settings: TBookingSettings,
  calendarUrl: string,
  range: Interval,
  call: CalendarCall,
): Promise<Interval[]> {
  const objects = await caldav(() =>
    fetchCalendarObjects({
      calendar: { url: calendarUrl },
      timeRange: { start: range.start.toISOString(), end: range.end.toISOString() },
      headers: authHeaders(settings),
      useMultiGet: false,
      fetch: failingOnError(
        vendorFetch({ vendor: CALDAV, signal: call.signal, maxResponseBytes: 2 * 1024 * 1024 }),
        'read the busy times',
      ),
    }),
  );
  return objects.flatMap((object) =>
    typeof object.data === 'string' ? busyTimesOf(object.data, range, settings.timezone) : [],
  );
}

async function feedBusy(
  feedUrl: string,
  timezone: string,
  range: Interval,
  call: CalendarCall,
): Promise<Interval[]> {
  const response = await callVendor(
    feedUrl,
    { method: 'GET', headers: { accept: 'text/calendar' } },
    { vendor: FEED, signal: call.signal, maxResponseBytes: 2 * 1024 * 1024 },
  );
  if (!response.ok)
    throw new DomainError(
      'unavailable',
      `${FEED} answered ${response.status} ${response.statusText}.`,
    );
  try {
    return busyTimesOf(Buffer.from(response.body).toString('utf8'), range, timezone);
  } catch {
    throw new DomainError('unavailable', `${FEED} is not an iCalendar file.`);
  }
}

/** PUT a new event (If-None-Match: *); returns its address on the server. */
export async function putCalendarEvent(
  settings: TBookingSettings,
  uid: string,
  ics: string,
  call: CalendarCall = {},
): Promise<string | null> {
  if (!settings.calendarUrl) return null;
  const calendarUrl = settings.calendarUrl;
  const filename = `${uid}.ics`;
  const response = await caldav(() =>
    createCalendarObject({
      calendar: { url: calendarUrl },
      filename,
      iCalString: ics,
      headers: authHeaders(settings),
      fetch: vendorFetch({ vendor: CALDAV, signal: call.signal }),
    }),
  );
  expectSuccess(response, 'create the event');
  return new URL(filename, calendarUrl.endsWith('/') ? calendarUrl : `${calendarUrl}/`).href;
}

/** PUT over an existing event (moving a booking). */
export async function replaceCalendarEvent(
  settings: TBookingSettings,
  url: string,
  ics: string,
  call: CalendarCall = {},
): Promise<void> {
  const response = await caldav(() =>
    updateCalendarObject({
      calendarObject: { url, data: ics },
      headers: authHeaders(settings),
      fetch: vendorFetch({ vendor: CALDAV, signal: call.signal }),
    }),
  );
  expectSuccess(response, 'move the event');
}

/** DELETE the event; one already gone (404) is fine. */
export async function deleteCalendarEvent(
  settings: TBookingSettings,
  url: string,
  call: CalendarCall = {},
): Promise<void> {
  const response = await caldav(() =>
    deleteCalendarObject({
      calendarObject: { url },
      headers: authHeaders(settings),
      fetch: vendorFetch({ vendor: CALDAV, signal: call.signal }),
    }),
  );
  if (response.status !== 404) expectSuccess(response, 'remove the event');
}

/**
 * tsdav turns an error answer to a query into an empty result, which would show a calendar
 * we cannot read as free all day; an error answer must stop the lookup instead.
 */
function failingOnError(fetchFn: typeof fetch, what: string): typeof fetch {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    expectSuccess(response, what);
    return response;
  };
}

function authHeaders(settings: TBookingSettings): Record<string, string> {
  if (!settings.username) return {};
  return getBasicAuthHeaders({ username: settings.username, password: settings.password ?? '' });
}

function expectSuccess(response: Response, what: string): void {
  if (response.status === 401 || response.status === 403)
    throw new DomainError(
      'precondition_failed',
      `${CALDAV} refused the user name or password (${response.status}), so we could not ${what}.`,
    );
  if (response.status === 412)
    throw new DomainError('conflict', `${CALDAV} already has this event; we could not ${what}.`);
  if (!response.ok)
    throw new DomainError(
      'unavailable',
      `${CALDAV} answered ${response.status}, so we could not ${what}.`,
    );
}

/** tsdav throws plain errors for a non-multistatus answer; a person gets a sentence instead. */
async function caldav<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const refused = /401|403|unauthori[sz]ed|forbidden/i.test(reason);
    throw new DomainError(
      refused ? 'precondition_failed' : 'unavailable',
      refused
        ? `${CALDAV} refused the user name or password.`
        : `${CALDAV} could not be read: ${reason}`,
      { cause: error },
    );
  }
}
