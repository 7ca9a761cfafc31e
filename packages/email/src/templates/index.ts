import type { z } from 'zod';
import { alertChannelFailing } from './alert-channel-failing';
import { bookingNotice } from './booking-notice';
import { conversationTranscript } from './conversation-transcript';
import { handoffReceived } from './handoff-received';
import { magicLink } from './magic-link';
import { paymentFailed } from './payment-failed';
import { teamInvite } from './team-invite';
import { ticketCreated } from './ticket-created';
import { ticketReply } from './ticket-reply';
import { usageAlert } from './usage-alert';

/** Every email the product sends, by the name stored in `outbound_emails.template`. */
export const TEMPLATES = {
  'magic-link': magicLink,
  'team-invite': teamInvite,
  'ticket-created': ticketCreated,
  'ticket-reply': ticketReply,
  'handoff-received': handoffReceived,
  'conversation-transcript': conversationTranscript,
  'usage-alert': usageAlert,
  'payment-failed': paymentFailed,
  'alert-channel-failing': alertChannelFailing,
  'booking-notice': bookingNotice,
} as const;

export type TemplateName = keyof typeof TEMPLATES;

/** What a caller passes for a template (before defaults and coercion). */
export type TemplateProps<N extends TemplateName> = z.input<(typeof TEMPLATES)[N]['schema']>;

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}
