import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-replyline-signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with the tenant's webhook
 * secret. The receiver recomputes it and rejects old timestamps, so a captured request cannot
 * be replayed later or altered.
 */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}
