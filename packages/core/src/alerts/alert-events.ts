/**
 * What a workspace can be alerted about. Other modules emit these by name (`emitAlert`), so
 * a new source (bookings, say) only has to call it with the event it means.
 */
export const ALERT_EVENTS = [
  'ticket.created',
  'handoff.requested',
  'sentiment.negative',
  'reply.overdue',
  'booking.created',
  'delivery.failed',
] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** Labels for the dashboard's checkboxes and the alerts' own words. */
export const ALERT_EVENT_LABELS: Record<AlertEvent, string> = {
  'ticket.created': 'New ticket',
  'handoff.requested': 'Visitor asks for a person',
  'sentiment.negative': 'Upset customer',
  'reply.overdue': 'No agent reply in time',
  'booking.created': 'Booking made',
  'delivery.failed': 'Webhook or email failed',
};

/** Events after which a customer waits for a person, so an overdue check is scheduled. */
export const WAITING_FOR_A_PERSON: readonly AlertEvent[] = ['ticket.created', 'handoff.requested'];
