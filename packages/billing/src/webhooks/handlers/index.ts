import type Stripe from 'stripe';
import { checkoutSessionCompleted } from './checkout-session-completed';
import { customerSubscriptionCreated } from './customer-subscription-created';
import { customerSubscriptionDeleted } from './customer-subscription-deleted';
import { customerSubscriptionUpdated } from './customer-subscription-updated';
import { invoicePaid } from './invoice-paid';
import { invoicePaymentFailed } from './invoice-payment-failed';
import type { WebhookHandler } from './types';

/** The allow-list: the only event types that change anything. Others are acknowledged and ignored. */
export const WEBHOOK_HANDLERS = {
  'checkout.session.completed': checkoutSessionCompleted,
  'customer.subscription.created': customerSubscriptionCreated,
  'customer.subscription.updated': customerSubscriptionUpdated,
  'customer.subscription.deleted': customerSubscriptionDeleted,
  'invoice.paid': invoicePaid,
  'invoice.payment_failed': invoicePaymentFailed,
} satisfies { [T in Stripe.Event.Type]?: WebhookHandler<T> };

export type HandledEventType = keyof typeof WEBHOOK_HANDLERS;

export const HANDLED_EVENT_TYPES = Object.keys(WEBHOOK_HANDLERS) as HandledEventType[];

export function handlerFor(event: Stripe.Event): WebhookHandler<Stripe.Event.Type> | null {
  if (!(event.type in WEBHOOK_HANDLERS)) return null;
  return WEBHOOK_HANDLERS[event.type as HandledEventType] as WebhookHandler<Stripe.Event.Type>;
}
