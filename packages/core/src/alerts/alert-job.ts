import type { AlertEvent } from './alert-events';

/**
 * What the queue carries for one alert to one channel: ids only, like outgoing webhooks. The
 * words are read from the ticket or conversation when the alert is sent, so the queue never
 * holds a customer's data and an erased customer is not alerted about afterwards.
 */
export interface AlertJob {
  tenantId: string;
  channelId: string;
  event: AlertEvent | 'test';
  ticketId?: string;
  conversationId?: string;
  /** 'reply.overdue': when the customer started waiting (ISO); an agent reply since cancels it. */
  waitingSince?: string;
  /** Events with no row to read (a booking, a failed delivery): a short line without personal data. */
  note?: string;
}

/**
 * How often an alert is tried: 1 + 4 retries about 15 s, 30 s, 60 s and 120 s apart, so a
 * provider hiccup of a minute or two still delivers it while it is news.
 */
export const ALERT_RETRY = {
  retryLimit: 4,
  retryDelay: 15,
  retryBackoff: true,
  /** One attempt takes at most 10 s; a worker that died mid-send gives the job back after this. */
  expireInSeconds: 60,
};

/** Failed attempts in a row after which a channel is marked failing and its owners are told. */
export const FAILURES_BEFORE_FAILING = 5;
