export { readInboundEmailEnv } from './env';
export { receiveTicketReply, type InboundEmail, type ReceivedReply } from './receive-ticket-reply';
export { bareAddress, readReplyAddress, ticketReplyAddress } from './reply-address';
export { stripQuotedReply } from './strip-quoted-reply';
export { verifySvixSignature } from './verify-svix';
