export { renderEmail, parseTemplateProps, type RenderedEmail } from './render-email';
export {
  TEMPLATES,
  TEMPLATE_NAMES,
  isTemplateName,
  type TemplateName,
  type TemplateProps,
} from './templates';
export type { EmailTemplate } from './templates/define-template';
export {
  ZConversationTranscriptProps,
  type TConversationTranscriptProps,
} from './templates/conversation-transcript';
export { ZBookingNoticeProps, type TBookingNoticeProps } from './templates/booking-notice';
export { ZMagicLinkProps, type TMagicLinkProps } from './templates/magic-link';
export { ZPaymentFailedProps, type TPaymentFailedProps } from './templates/payment-failed';
export { ZTeamInviteProps, type TTeamInviteProps } from './templates/team-invite';
export { ZTicketCreatedProps, type TTicketCreatedProps } from './templates/ticket-created';
export { ZTicketReplyProps, type TTicketReplyProps } from './templates/ticket-reply';
export { ZUsageAlertProps, type TUsageAlertProps } from './templates/usage-alert';
export {
  EMAIL_RETRY,
  sendEmail,
  type EmailDeps,
  type EmailRetry,
  type SendEmailInput,
  type SendEmailJob,
} from './send-email';
export {
  deliverEmail,
  type DeliveryDeps,
  type DeliveryOutcome,
  type GaveUpEmail,
} from './deliver-email';
export { startEmailWorker } from './worker';
export { getOutboundEmail, listOutbox, type OutboxEntry } from './list-outbox';
export { EmailPropsError, EmailSendError } from './errors';
export { readEmailEnv, type EmailEnv } from './env';
export type { EmailLogger } from './logger';
export { outboxTransport } from './transports/outbox';
export { resendTransport, RESEND_API_URL, type ResendTransportOptions } from './transports/resend';
export { transportFromEnv } from './transports/from-env';
export type { EmailTransport, OutgoingEmail, TransportResult } from './transports/transport';
