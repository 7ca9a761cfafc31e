import type { IncomingMessage, ServerResponse } from 'node:http';
import ICAL from 'ical.js';
import { misbehave, startLocalServer, type LocalServer, type Misbehaviour } from './local-server';

interface StoredObject {
  etag: string;
  data: string;
}

export interface CalDavServer extends LocalServer {
  /** The calendar collection's full address, with a trailing slash. */
  calendarUrl: string;
  username: string;
  password: string;
  /** Object path -> iCalendar text. */
  objects: Map<string, StoredObject>;
  knobs: Misbehaviour;
  /** Adds an event (a busy time) straight into the calendar. */
  addEvent(uid: string, start: Date, end: Date, extra?: string): void;
}

const CALENDAR_PATH = '/dav/calendars/owner/bookings/';

/**
 * One CalDAV calendar in memory (RFC 4791), enough for a client such as tsdav: PROPFIND on
 * the collection, REPORT calendar-query with a time range (with or without calendar data),
 * REPORT calendar-multiget, GET, PUT (If-None-Match / If-Match) and DELETE, behind Basic auth.
 */
export async function startCalDavServer(): Promise<CalDavServer> {
  const state = {
    username: 'owner',
    password: 'calendar-secret',
    objects: new Map<string, StoredObject>(),
    knobs: {} as Misbehaviour,
  };
  let version = 0;
  const store = (path: string, data: string) => {
    version += 1;
    state.objects.set(path, { etag: `"${version}"`, data });
    return `"${version}"`;
  };
  const server = await startLocalServer(async (req, res, body) => {
    await misbehave(state.knobs);
    if (!authorised(req, state)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="calendar"' });
      return res.end();
    }
    const path = new URL(req.url ?? '/', 'http://calendar.test').pathname;
    if (!path.startsWith(CALENDAR_PATH)) return status(res, 404);
    const isCollection = path === CALENDAR_PATH;
    switch (req.method) {
      case 'PROPFIND':
        return isCollection ? propfind(res, req, state.objects) : status(res, 405);
      case 'REPORT':
        return isCollection ? report(res, body, state.objects) : status(res, 405);
      case 'GET':
        return getObject(res, state.objects.get(path));
      case 'PUT':
        return putObject(req, res, path, body, state.objects, store);
      case 'DELETE':
        return deleteObject(req, res, path, state.objects);
      default:
        return status(res, 405);
    }
  });
  const calendarUrl = `${server.url}${CALENDAR_PATH}`;
  return Object.assign(state, server, {
    calendarUrl,
    addEvent(uid: string, start: Date, end: Date, extra = '') {
      store(`${CALENDAR_PATH}${uid}.ics`, eventIcs(uid, start, end, extra));
    },
  });
}

function authorised(req: IncomingMessage, keys: { username: string; password: string }): boolean {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!basic) return false;
  return Buffer.from(basic, 'base64').toString('utf8') === `${keys.username}:${keys.password}`;
}

function status(res: ServerResponse, code: number, headers: Record<string, string> = {}) {
  res.writeHead(code, headers);
  res.end();
}

function propfind(res: ServerResponse, req: IncomingMessage, objects: Map<string, StoredObject>) {
  const collection = `<d:response><d:href>${CALENDAR_PATH}</d:href><d:propstat><d:prop>
<d:resourcetype><d:collection/><cal:calendar/></d:resourcetype><d:displayname>Bookings</d:displayname>
<cs:getctag>${objects.size}</cs:getctag>
<cal:supported-calendar-component-set><cal:comp name="VEVENT"/></cal:supported-calendar-component-set>
</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
  const children =
    req.headers.depth === '1'
      ? [...objects].map(([href, o]) => objectResponse(href, o, false)).join('')
      : '';
  multistatus(res, collection + children);
}

/** calendar-query (time-range on VEVENT) or calendar-multiget (hrefs). */
function report(res: ServerResponse, body: string, objects: Map<string, StoredObject>) {
  const withData = /calendar-data/.test(body.replace(/<[^>]*calendar-query[^>]*>/, ''));
  if (/calendar-multiget/.test(body)) {
    const hrefs = [...body.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)].map((m) => m[1]!);
    const found = hrefs.flatMap((href) => {
      const object = objects.get(decodeURIComponent(href));
      return object ? [objectResponse(href, object, true)] : [];
    });
    return multistatus(res, found.join(''));
  }
  const range = /time-range[^>]*start="(\d{8}T\d{6}Z)"[^>]*end="(\d{8}T\d{6}Z)"/.exec(body);
  const start = range ? fromBasic(range[1]!) : new Date(0);
  const end = range ? fromBasic(range[2]!) : new Date(8.64e15);
  const matching = [...objects].filter(([, object]) => overlaps(object.data, start, end));
  multistatus(res, matching.map(([href, o]) => objectResponse(href, o, withData)).join(''));
}

function getObject(res: ServerResponse, object: StoredObject | undefined) {
  if (!object) return status(res, 404);
  res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: object.etag });
  res.end(object.data);
}

function putObject(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
  objects: Map<string, StoredObject>,
  store: (path: string, data: string) => string,
) {
  const existing = objects.get(path);
  if (req.headers['if-none-match'] === '*' && existing) return status(res, 412);
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== existing?.etag) return status(res, 412);
  try {
    ICAL.parse(body);
  } catch {
    return status(res, 400);
  }
  const etag = store(path, body);
  status(res, existing ? 204 : 201, { etag });
}

function deleteObject(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  objects: Map<string, StoredObject>,
) {
  const existing = objects.get(path);
  if (!existing) return status(res, 404);
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== existing.etag) return status(res, 412);
  objects.delete(path);
  status(res, 204);
}

function multistatus(res: ServerResponse, responses: string) {
  res.writeHead(207, { 'content-type': 'application/xml; charset=utf-8' });
  res.end(
    `<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/">${responses}</d:multistatus>`,
  );
}

function objectResponse(href: string, object: StoredObject, withData: boolean): string {
  const data = withData ? `<cal:calendar-data>${escapeXml(object.data)}</cal:calendar-data>` : '';
  return `<d:response><d:href>${href}</d:href><d:propstat><d:prop><d:getetag>${escapeXml(object.etag)}</d:getetag>${data}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
}

/** Whether any instance of the object's events overlaps [start, end) (recurrences expanded). */
function overlaps(ics: string, start: Date, end: Date): boolean {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents('vevent').some((component) => {
    const event = new ICAL.Event(component);
    const length = event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime();
    if (!event.isRecurring())
      return event.startDate.toJSDate() < end && event.endDate.toJSDate() > start;
    const iterator = event.iterator();
    for (let next = iterator.next(), n = 0; next && n < 1000; next = iterator.next(), n += 1) {
      const s = next.toJSDate();
      if (s >= end) return false;
      if (s.getTime() + length > start.getTime()) return true;
    }
    return false;
  });
}

function fromBasic(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)!;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function eventIcs(uid: string, start: Date, end: Date, extra: string): string {
  const stamp = (d: Date) =>
    d
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Calendar//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(new Date())}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    'SUMMARY:Busy',
    ...(extra ? [extra] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
