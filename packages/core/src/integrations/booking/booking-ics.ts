import ICAL from 'ical.js';

export interface BookingEvent {
  /** The booking id: the event's UID everywhere (calendar, invitation, updates). */
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  organizerName: string;
  attendeeEmail: string;
  attendeeName?: string;
  /** Bumped on every change, so calendar apps replace the older copy. */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
}

/**
 * The booking as iCalendar (RFC 5545): one VEVENT in UTC. `method` REQUEST / CANCEL makes it
 * an invitation mail clients offer to add or remove (RFC 5546); a calendar server gets none.
 */
export function bookingIcs(event: BookingEvent, method?: 'REQUEST' | 'CANCEL'): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', '-//Replyline//Bookings//EN');
  calendar.addPropertyWithValue('version', '2.0');
  if (method) calendar.addPropertyWithValue('method', method);
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', event.uid);
  vevent.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(), true));
  vevent.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(event.start, true));
  vevent.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(event.end, true));
  vevent.addPropertyWithValue('summary', event.summary);
  vevent.addPropertyWithValue('status', event.status);
  vevent.addPropertyWithValue('sequence', event.sequence);
  const attendee = vevent.addPropertyWithValue('attendee', `mailto:${event.attendeeEmail}`);
  if (event.attendeeName) attendee.setParameter('cn', event.attendeeName);
  vevent.addPropertyWithValue('description', `Booked with ${event.organizerName} in its chat.`);
  calendar.addSubcomponent(vevent);
  return calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
