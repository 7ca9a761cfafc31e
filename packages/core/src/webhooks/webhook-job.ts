/**
 * What the queue carries for one outgoing webhook: ids only. The post (customer's name, email,
 * words) is built at delivery time inside the tenant scope, so the queue table never holds a
 * customer's data: an erased customer is not kept there for the queue's retention, and a
 * ticket deleted meanwhile is simply not posted.
 */
export interface WebhookJob {
  tenantId: string;
  ticketId: string;
  event: 'ticket.created';
}

/**
 * How often a post is tried: 1 + 5 retries about 10 s, 20 s, 40 s, 80 s and 160 s apart
 * (pg-boss adds jitter), so a receiver down for a few minutes still gets the ticket.
 */
export const WEBHOOK_RETRY = {
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  /** One attempt takes at most 5 s; a worker that died mid-post gives the job back after this. */
  expireInSeconds: 60,
};
