import { asTenantId, schema, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq, isNull } from 'drizzle-orm';
import Stripe from 'stripe';
import { BillingError } from '../errors';
import { isPlanId, type PlanId } from '../plans';
import { planOfPrice, type PlanPriceOverrides } from '../stripe/prices';

const { tenants } = schema;

/** Statuses that keep the paid plan; past_due is Stripe's retry window, a grace period. */
const ENTITLED = new Set(['active', 'trialing', 'past_due']);

/** A subscription as Stripe holds it now, and when we asked. */
export interface SubscriptionSnapshot {
  subscription: Stripe.Subscription;
  readAt: Date;
}

/**
 * Re-reads a subscription from Stripe instead of trusting the event's copy: events arrive late,
 * twice and out of order, but the current state is always right. A subscription Stripe no
 * longer has falls back to the event's copy.
 */
export async function readSubscription(
  stripe: Stripe,
  id: string,
  fromEvent?: Stripe.Subscription,
): Promise<SubscriptionSnapshot> {
  const readAt = new Date();
  try {
    return { subscription: await stripe.subscriptions.retrieve(id), readAt };
  } catch (error) {
    const missing =
      error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404;
    if (missing && fromEvent) return { subscription: fromEvent, readAt };
    throw error;
  }
}

export const idOf = (value: string | { id: string }) =>
  typeof value === 'string' ? value : value.id;

function planOf(subscription: Stripe.Subscription, prices: PlanPriceOverrides): PlanId {
  for (const item of subscription.items.data) {
    const plan = planOfPrice(item.price, prices);
    if (plan) return plan;
  }
  const fromMetadata = subscription.metadata?.plan;
  if (isPlanId(fromMetadata) && fromMetadata !== 'free') return fromMetadata;
  throw new BillingError(
    'unknown_price',
    `Subscription ${subscription.id} has no price Replyline knows: give its prices the plans' lookup keys or set STRIPE_PRICE_PRO / STRIPE_PRICE_BUSINESS to their ids.`,
  );
}

function periodOf(subscription: Stripe.Subscription) {
  const items = subscription.items.data;
  if (items.length === 0) return { start: null, end: null };
  const start = Math.min(...items.map((i) => i.current_period_start));
  const end = Math.max(...items.map((i) => i.current_period_end));
  return { start: new Date(start * 1000), end: new Date(end * 1000) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The workspace a subscription belongs to: the one whose stored Stripe customer is the
 * subscription's customer. Metadata is written by whoever can edit the subscription in Stripe,
 * so it never picks a workspace; the only other way in is the first link at checkout
 * (`firstLink`: the session's client_reference_id, which our own checkout sets), and only for
 * a workspace that has no customer yet.
 */
async function lockTenantFor(tx: TenantDb, customerId: string, firstLink: string | undefined) {
  const columns = {
    id: tenants.id,
    customerId: tenants.stripeCustomerId,
    subscriptionId: tenants.stripeSubscriptionId,
    syncedAt: tenants.subscriptionSyncedAt,
  };
  const [byCustomer] = await tx
    .select(columns)
    .from(tenants)
    .where(eq(tenants.stripeCustomerId, customerId))
    .limit(1)
    .for('update');
  if (byCustomer) return byCustomer;
  if (!firstLink || !UUID.test(firstLink)) return null;
  const [unlinked] = await tx
    .select(columns)
    .from(tenants)
    .where(and(eq(tenants.id, firstLink), isNull(tenants.stripeCustomerId)))
    .for('update');
  return unlinked ?? null;
}

/**
 * Makes the workspace's plan match the subscription: paid plan while entitled, Free otherwise.
 * Leaves it alone when a newer read was applied already, or when an ended subscription is one
 * the workspace has since replaced. Returns the workspace, or null if the subscription is not
 * one of ours.
 */
export async function applySubscription(
  tx: TenantDb,
  { subscription, readAt }: SubscriptionSnapshot,
  prices: PlanPriceOverrides,
  firstLink?: string | null,
): Promise<TenantId | null> {
  const customerId = idOf(subscription.customer);
  const tenant = await lockTenantFor(tx, customerId, firstLink ?? undefined);
  if (!tenant) return null;
  const entitled = ENTITLED.has(subscription.status);
  const replaced = tenant.subscriptionId && tenant.subscriptionId !== subscription.id && !entitled;
  const stale = tenant.syncedAt && tenant.syncedAt > readAt;
  if (replaced || stale) return asTenantId(tenant.id);

  const period = entitled ? periodOf(subscription) : { start: null, end: null };
  await tx
    .update(tenants)
    .set({
      plan: entitled ? planOf(subscription, prices) : 'free',
      stripeCustomerId: customerId,
      stripeSubscriptionId: subscription.id,
      subscriptionStatus: subscription.status,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      subscriptionSyncedAt: readAt,
    })
    .where(eq(tenants.id, tenant.id));
  return asTenantId(tenant.id);
}
