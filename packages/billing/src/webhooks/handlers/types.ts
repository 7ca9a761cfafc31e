import type { TenantDb, TenantId } from '@replyline/db';
import type Stripe from 'stripe';
import type { PlanPriceOverrides } from '../../stripe/prices';

export interface WebhookContext {
  stripe: Stripe;
  prices: PlanPriceOverrides;
}

/** The database change an event makes, run in the transaction that records the event id. */
export type WebhookEffect = (tx: TenantDb) => Promise<TenantId | null>;

/**
 * One event type's handler: reads what it needs from Stripe (outside any transaction), then
 * returns its effect, or null when the event carries nothing for us.
 */
export type WebhookHandler<T extends Stripe.Event.Type> = (
  event: Extract<Stripe.Event, { type: T }>,
  ctx: WebhookContext,
) => Promise<WebhookEffect | null>;
