/** @jsxRuntime automatic @jsxImportSource react */
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZMessageText, ZName, ZTicketNumber } from './fields';
import { Heading, Paragraph, Quote } from './layout';

/** To the customer: a person on the workspace's team answered their ticket. */
export const ZTicketReplyProps = z.object({
  workspaceName: ZName,
  ticketNumber: ZTicketNumber,
  agentName: ZName,
  reply: ZMessageText,
});
export type TTicketReplyProps = z.input<typeof ZTicketReplyProps>;

export const ticketReply = defineTemplate({
  name: 'ticket-reply',
  schema: ZTicketReplyProps,
  subject: (p) => `Re: your request #${p.ticketNumber} to ${p.workspaceName}`,
  preview: (p) => p.reply.slice(0, 120),
  reason: (p) =>
    `You received this email because you contacted ${p.workspaceName} (request #${p.ticketNumber}).`,
  sender: (p) => p.workspaceName,
  Content: (p) => (
    <>
      <Heading>
        {p.agentName} answered your request #{p.ticketNumber}
      </Heading>
      <Quote>{p.reply}</Quote>
      <Paragraph>
        {p.agentName}, {p.workspaceName}
      </Paragraph>
    </>
  ),
});
