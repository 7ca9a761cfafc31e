/** What a push is about; the words are read from the row when it is sent. */
export type PushKind = 'chat.assigned' | 'ticket.assigned' | 'chat.started';

/**
 * One push to one device, as the queue carries it: ids only (like alerts and webhooks), so the
 * queue never holds a customer's words and an erased conversation is not pushed afterwards.
 */
export interface PushJob {
  tenantId: string;
  subscriptionId: string;
  kind: PushKind;
  conversationId?: string;
  ticketId?: string;
}

/**
 * 1 + 3 retries about 10 s, 20 s and 40 s apart: a push is news for minutes, not hours, so a
 * longer outage of the push service drops it (the inbox still shows the chat).
 */
export const PUSH_RETRY = {
  retryLimit: 3,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 60,
};
