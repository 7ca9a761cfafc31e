export { readInboundEmailEnv } from './env';
export {
  DEFAULT_ATTACHMENT_LIMITS,
  receiveTicketReply,
  type InboundEmail,
  type ReceivedReply,
} from './receive-ticket-reply';
export { bareAddress, readReplyAddress, ticketReplyAddress } from './reply-address';
export { stripQuotedReply } from './strip-quoted-reply';
export { verifySvixSignature } from './verify-svix';
export {
  allowedKind,
  formatBytes,
  notKeptNote,
  screenAttachments,
  type AttachmentLimits,
  type IncomingAttachment,
} from './inbound-attachments';
