import { createHash } from 'node:crypto';

/** Stripe's limit on a meter event identifier. */
const MAX_IDENTIFIER = 100;

/**
 * The meter event identifier of one usage record: tenant + the record's idempotency key (for a
 * reply, its message id). Sending the same record again sends the same identifier, which Stripe
 * de-duplicates, so a retry after a crash never bills twice.
 */
export function meterEventIdentifier(tenantId: string, idempotencyKey: string): string {
  const plain = `${tenantId}:${idempotencyKey}`;
  if (plain.length <= MAX_IDENTIFIER) return plain;
  return `${tenantId}:h:${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 48)}`;
}
