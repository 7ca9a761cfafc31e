/** @jsxRuntime automatic @jsxImportSource react */
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZMessageText, ZName, ZTicketNumber } from './fields';
import { Heading, Paragraph, Quote } from './layout';

/** To the customer: they asked for a person in the chat; someone will answer (with the number). */
export const ZHandoffReceivedProps = z.object({
  workspaceName: ZName,
  ticketNumber: ZTicketNumber,
  customerName: ZName.optional(),
  message: ZMessageText,
});
export type THandoffReceivedProps = z.input<typeof ZHandoffReceivedProps>;

export const handoffReceived = defineTemplate({
  name: 'handoff-received',
  schema: ZHandoffReceivedProps,
  subject: (p) => `We got your request #${p.ticketNumber} to ${p.workspaceName}`,
  preview: (p) =>
    `A person from ${p.workspaceName} will answer you. Your request is #${p.ticketNumber}.`,
  reason: (p) =>
    `You received this email because you asked to talk to a person at ${p.workspaceName} (request #${p.ticketNumber}).`,
  sender: (p) => p.workspaceName,
  Content: (p) => (
    <>
      <Heading>
        {p.customerName ? `Thanks, ${p.customerName}: w` : 'W'}e got your request #{p.ticketNumber}
      </Heading>
      <Paragraph>
        A person from {p.workspaceName} will answer you in the chat, or by email if you have left
        it. Keep the number #{p.ticketNumber} if you write to us about it.
      </Paragraph>
      <Quote>{p.message}</Quote>
    </>
  ),
});
