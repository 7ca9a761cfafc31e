import { schema, type Database, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { PlanPriceOverrides } from '../stripe/prices';
import { handlerFor } from './handlers';
import { verifyStripeEvent, type SignedPayload } from './verify-event';

const { processedWebhookEvents } = schema;

export interface WebhookInput extends SignedPayload {
  /** Price ids configured instead of lookup keys (see `planPricesFromEnv`). */
  prices?: PlanPriceOverrides;
}

export interface WebhookResult {
  /** applied: changed state now; duplicate: this event id was applied before; ignored: not for us. */
  status: 'applied' | 'duplicate' | 'ignored';
  type: string;
  eventId: string;
  tenantId?: TenantId;
}

/**
 * Verifies and applies one Stripe webhook. Throws `WebhookSignatureError` for a missing, forged,
 * tampered or stale signature (answer 400). Each event id is stored in the same transaction as
 * its effect, so a redelivered event changes nothing; handlers re-read current state from
 * Stripe, so the order events arrive in does not matter. Other errors mean "try again later"
 * (answer 500 and Stripe redelivers).
 */
export async function handleStripeWebhook(
  db: Database,
  stripe: Stripe,
  input: WebhookInput,
): Promise<WebhookResult> {
  const event = verifyStripeEvent(stripe, input);
  const base = { type: event.type, eventId: event.id };
  const handler = handlerFor(event);
  if (!handler) return { status: 'ignored', ...base };
  // Cheap early answer for redeliveries, before asking Stripe anything.
  if (await wasProcessed(db, event.id)) return { status: 'duplicate', ...base };

  const effect = await handler(event, { stripe, prices: input.prices ?? {} });
  return db.transaction(async (tx) => {
    const [recorded] = await tx
      .insert(processedWebhookEvents)
      .values({ eventId: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ eventId: processedWebhookEvents.eventId });
    // A concurrent delivery of the same event committed first.
    if (!recorded) return { status: 'duplicate', ...base };
    const tenantId = effect ? await effect(tx) : null;
    return tenantId ? { status: 'applied', ...base, tenantId } : { status: 'ignored', ...base };
  });
}

async function wasProcessed(db: Database, eventId: string) {
  const [row] = await db
    .select({ eventId: processedWebhookEvents.eventId })
    .from(processedWebhookEvents)
    .where(eq(processedWebhookEvents.eventId, eventId));
  return Boolean(row);
}
