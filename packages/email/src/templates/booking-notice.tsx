/** @jsxRuntime automatic @jsxImportSource react */
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZName, ZTimeZone } from './fields';
import { formatTime } from './format';
import { Heading, Paragraph } from './layout';

/**
 * To the customer: their appointment was booked (the .ics is attached), is coming up
 * (24 h / 1 h reminders), was moved, or was cancelled.
 */
export const ZBookingNoticeProps = z.object({
  kind: z.enum(['confirmed', 'reminder', 'moved', 'cancelled']),
  workspaceName: ZName,
  customerName: ZName.optional(),
  summary: ZName,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  timeZone: ZTimeZone,
});
export type TBookingNoticeProps = z.input<typeof ZBookingNoticeProps>;

type Props = z.output<typeof ZBookingNoticeProps>;

const when = (p: Props) => formatTime(new Date(p.startsAt), p.timeZone);

const HEADINGS: Record<Props['kind'], (p: Props) => string> = {
  confirmed: (p) => `${p.summary} booked`,
  reminder: (p) => `Reminder: ${p.summary}`,
  moved: (p) => `${p.summary} moved`,
  cancelled: (p) => `${p.summary} cancelled`,
};

const LINES: Record<Props['kind'], (p: Props) => string> = {
  confirmed: (p) =>
    `Your ${p.summary.toLowerCase()} with ${p.workspaceName} is booked for ${when(p)}. The invitation is attached: open it to add it to your calendar.`,
  reminder: (p) => `Your ${p.summary.toLowerCase()} with ${p.workspaceName} is at ${when(p)}.`,
  moved: (p) =>
    `Your ${p.summary.toLowerCase()} with ${p.workspaceName} is now at ${when(p)}. The updated invitation is attached.`,
  cancelled: (p) =>
    `Your ${p.summary.toLowerCase()} with ${p.workspaceName} at ${when(p)} is cancelled.`,
};

export const bookingNotice = defineTemplate({
  name: 'booking-notice',
  schema: ZBookingNoticeProps,
  subject: (p) => `${HEADINGS[p.kind](p)}: ${when(p)}`,
  preview: (p) => LINES[p.kind](p).slice(0, 120),
  reason: (p) =>
    `You received this email because you booked a time with ${p.workspaceName} in its chat.`,
  sender: (p) => p.workspaceName,
  Content: (p) => (
    <>
      <Heading>{HEADINGS[p.kind](p)}</Heading>
      {p.customerName ? <Paragraph>Hello {p.customerName},</Paragraph> : null}
      <Paragraph>{LINES[p.kind](p)}</Paragraph>
    </>
  ),
});
