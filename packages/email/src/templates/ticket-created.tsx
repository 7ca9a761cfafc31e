/** @jsxRuntime automatic @jsxImportSource react */
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZEmailAddress, ZHttpUrl, ZMessageText, ZName, ZTicketNumber } from './fields';
import { Action, Heading, Paragraph, Quote } from './layout';

/** To the team: a customer needs a person. */
export const ZTicketCreatedProps = z.object({
  workspaceName: ZName,
  ticketNumber: ZTicketNumber,
  customerEmail: ZEmailAddress,
  customerName: ZName.optional(),
  message: ZMessageText,
  ticketUrl: ZHttpUrl,
});
export type TTicketCreatedProps = z.input<typeof ZTicketCreatedProps>;

type Props = z.output<typeof ZTicketCreatedProps>;

const customer = (p: Props) =>
  p.customerName ? `${p.customerName} (${p.customerEmail})` : p.customerEmail;

export const ticketCreated = defineTemplate({
  name: 'ticket-created',
  schema: ZTicketCreatedProps,
  subject: (p) =>
    `[${p.workspaceName}] New ticket #${p.ticketNumber} from ${p.customerName ?? p.customerEmail}`,
  preview: (p) => p.message.slice(0, 120),
  reason: (p) =>
    `You received this email because you are a member of ${p.workspaceName} on Replyline.`,
  Content: (p) => (
    <>
      <Heading>New ticket #{p.ticketNumber}</Heading>
      <Paragraph>{customer(p)} wrote:</Paragraph>
      <Quote>{p.message}</Quote>
      <Action href={p.ticketUrl}>Open the ticket</Action>
    </>
  ),
});
