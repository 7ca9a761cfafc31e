import { randomBytes, randomUUID } from 'node:crypto';
import { createTenant, type Database, type TenantId } from '@replyline/db';
import Stripe from 'stripe';
import { planById, type PlanId } from '../plans';

export const TEST_WEBHOOK_SECRET = 'whsec_test_replyline_webhook_secret';

export async function newTenant(db: Database): Promise<TenantId> {
  const slug = `b-${randomUUID().slice(0, 8)}`;
  return (await createTenant(db, { name: `Workspace ${slug}`, slug })).tenantId;
}

export interface SubscriptionFixture {
  id?: string;
  customer: string;
  status: Stripe.Subscription.Status;
  plan: Exclude<PlanId, 'free'>;
  tenantId?: string;
  periodStart?: Date;
  periodEnd?: Date;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A subscription shaped like Stripe's (the fields billing reads), with the plan's two prices. */
export function subscriptionObject(input: SubscriptionFixture): Stripe.Subscription {
  const plan = planById(input.plan);
  const start = input.periodStart ?? new Date(Date.now() - 3 * 86_400_000);
  const end = input.periodEnd ?? new Date(start.getTime() + 30 * 86_400_000);
  const id = input.id ?? `sub_${randomBytes(10).toString('hex')}`;
  const item = (lookupKey: string) => ({
    id: `si_${randomBytes(8).toString('hex')}`,
    object: 'subscription_item',
    subscription: id,
    current_period_start: seconds(start),
    current_period_end: seconds(end),
    price: { id: `price_${lookupKey}`, object: 'price', lookup_key: lookupKey },
  });
  return {
    id,
    object: 'subscription',
    customer: input.customer,
    status: input.status,
    metadata: input.tenantId ? { tenant_id: input.tenantId, plan: plan.id } : {},
    items: {
      object: 'list',
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
      data: [item(plan.stripe!.priceLookupKey), item(plan.stripe!.overagePriceLookupKey)],
    },
  } as unknown as Stripe.Subscription;
}

/** A webhook event as Stripe sends it. */
export function eventObject(type: Stripe.Event.Type, object: object, id?: string) {
  return {
    id: id ?? `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: seconds(new Date()),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** The body and Stripe-Signature header Stripe would send, signed with the SDK's own helper. */
export function signedWebhook(
  event: object,
  options: { secret?: string; timestamp?: number } = {},
): { rawBody: Buffer; signature: string } {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? TEST_WEBHOOK_SECRET,
    timestamp: options.timestamp,
  });
  return { rawBody: Buffer.from(payload), signature };
}
