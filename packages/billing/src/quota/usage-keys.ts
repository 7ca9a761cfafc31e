/**
 * The idempotency key of the usage record for one AI reply. The chat engine writes the record
 * with this key in the same transaction as the answer, so a retried answer is counted once.
 */
export function replyUsageKey(messageId: string): string {
  return `reply:${messageId}`;
}
