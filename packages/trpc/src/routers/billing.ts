import { getBillingOverview } from '@replyline/billing';
import { z } from 'zod';
import { openBillingPortal, startCheckout } from '@replyline/core/billing';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

export const billingRouter = router({
  /** Plan, subscription status, AI replies used this period vs included, and whether Stripe is on. */
  overview: tenantProcedure
    .meta({ role: 'agent' })
    .query(({ ctx }) =>
      getBillingOverview(ctx.db, ctx.tenantId, { configured: Boolean(ctx.stripe) }),
    ),

  /** Where to buy a paid plan: Stripe Checkout, or the Portal when a subscription is live. */
  checkout: tenantProcedure
    .meta({ role: 'owner' })
    .input(
      z.object({ plan: z.enum(['pro', 'business'], { error: 'choose the Pro or Business plan' }) }),
    )
    .mutation(({ ctx, input }) => startCheckout(ctx, ctx, input.plan)),

  /** The Stripe Customer Portal: plan changes, card, invoices, cancellation. */
  portal: tenantProcedure
    .meta({ role: 'owner' })
    .mutation(({ ctx }) => openBillingPortal(ctx, ctx)),
});
