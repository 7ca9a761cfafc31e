import { schema, type Database, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { BillingError } from '../errors';

/** A Stripe Customer Portal session: change plan, update the card, see invoices, cancel. */
export async function createPortalSession(
  db: Database,
  stripe: Stripe,
  input: { tenantId: TenantId; returnUrl: string },
): Promise<{ url: string }> {
  const [tenant] = await db
    .select({ customerId: schema.tenants.stripeCustomerId })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, input.tenantId));
  if (!tenant?.customerId)
    throw new BillingError(
      'no_customer',
      'This workspace has never subscribed, so there is no billing account to manage yet. Choose a plan first.',
    );
  const session = await stripe.billingPortal.sessions.create({
    customer: tenant.customerId,
    return_url: input.returnUrl,
  });
  return { url: session.url };
}
