import { schema, type Database, type TenantId } from '@replyline/db';
import { and, eq, isNull } from 'drizzle-orm';
import type Stripe from 'stripe';
import { BillingError } from '../errors';

const { tenants } = schema;

/**
 * The tenant's Stripe customer, created on first need. The idempotency key makes two racing
 * requests get the same customer from Stripe, and the conditional update keeps the first link.
 */
export async function ensureStripeCustomer(
  db: Database,
  stripe: Stripe,
  tenantId: TenantId,
  email?: string,
): Promise<string> {
  const [tenant] = await db
    .select({ name: tenants.name, customerId: tenants.stripeCustomerId })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw new BillingError('tenant_not_found', `Workspace ${tenantId} does not exist.`);
  if (tenant.customerId) return tenant.customerId;

  const customer = await stripe.customers.create(
    { name: tenant.name, email, metadata: { tenant_id: tenantId } },
    { idempotencyKey: `replyline-customer:${tenantId}` },
  );
  const [linked] = await db
    .update(tenants)
    .set({ stripeCustomerId: customer.id })
    .where(and(eq(tenants.id, tenantId), isNull(tenants.stripeCustomerId)))
    .returning({ customerId: tenants.stripeCustomerId });
  if (linked?.customerId) return linked.customerId;
  const [winner] = await db
    .select({ customerId: tenants.stripeCustomerId })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return winner?.customerId ?? customer.id;
}
