import {
  BILLING_NOT_CONFIGURED,
  createCheckoutSession,
  createPortalSession,
  type PlanId,
  type Stripe,
} from '@replyline/billing';
import { schema, withTenant, type Database } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { baseUrl, required, type Actor } from '../services';

export interface BillingDeps {
  db: Database;
  stripe?: Stripe | null;
  dashboardUrl?: string;
}

/** Subscriptions Stripe still bills or will bill again; a new Checkout would make a second one. */
const ENDED_STATUSES = new Set(['canceled', 'incomplete_expired']);

function configured(deps: BillingDeps) {
  return {
    stripe: required(deps.stripe, BILLING_NOT_CONFIGURED),
    dashboardUrl: baseUrl(
      required(
        deps.dashboardUrl,
        "The dashboard's address is not configured, so Stripe cannot send you back.",
      ),
    ),
  };
}

/**
 * Where the owner goes to buy or change a plan. Without a live subscription: a Stripe Checkout
 * page for the plan. With one: the Customer Portal, where plans are switched (a second Checkout
 * would start a second subscription).
 */
export async function startCheckout(
  deps: BillingDeps,
  actor: Actor,
  plan: Exclude<PlanId, 'free'>,
): Promise<{ url: string; via: 'checkout' | 'portal' }> {
  const { stripe, dashboardUrl } = configured(deps);
  const { tenants, users } = schema;
  const { subscription, email } = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const [tenant] = await tx
      .select({ id: tenants.stripeSubscriptionId, status: tenants.subscriptionStatus })
      .from(tenants)
      .where(eq(tenants.id, actor.tenantId));
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, actor, { action: 'billing.checkout_started', details: { plan } });
    return { subscription: tenant, email: user?.email };
  });

  if (subscription?.id && !ENDED_STATUSES.has(subscription.status ?? 'canceled')) {
    const portal = await createPortalSession(deps.db, stripe, {
      tenantId: actor.tenantId,
      returnUrl: `${dashboardUrl}/billing`,
    });
    return { url: portal.url, via: 'portal' };
  }
  const session = await createCheckoutSession(deps.db, stripe, {
    tenantId: actor.tenantId,
    plan,
    email,
    successUrl: `${dashboardUrl}/billing?checkout={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${dashboardUrl}/billing`,
  });
  return { url: session.url, via: 'checkout' };
}

/** The Stripe Customer Portal: change or cancel the plan, update the card, download invoices. */
export async function openBillingPortal(deps: BillingDeps, actor: Actor): Promise<{ url: string }> {
  const { stripe, dashboardUrl } = configured(deps);
  const portal = await createPortalSession(deps.db, stripe, {
    tenantId: actor.tenantId,
    returnUrl: `${dashboardUrl}/billing`,
  });
  await withTenant(deps.db, actor.tenantId, (tx) =>
    recordAudit(tx, actor, { action: 'billing.portal_opened' }),
  );
  return portal;
}
