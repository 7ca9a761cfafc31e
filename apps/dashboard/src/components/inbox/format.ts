/** Dates arrive as ISO strings over HTTP (no transformer), as Dates from server calls. */
export type When = Date | string;

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' });

/** "14:05" today, "3 Mar 2026, 14:05" otherwise: the inbox's times, at a glance. */
export function formatWhen(value: When, now: Date = new Date()): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toDateString() === now.toDateString() ? time.format(date) : dateTime.format(date);
}

/** The full time, for a `title` or a `<time dateTime>`. */
export function isoOf(value: When): string {
  return new Date(value).toISOString();
}

/** Who a conversation is with: their name, their email, or their browser's visitor id. */
export function customerLabel(c: {
  customerName: string | null;
  customerEmail: string | null;
  visitorId: string;
}): string {
  return c.customerName || c.customerEmail || `Visitor ${c.visitorId.slice(0, 10)}`;
}
