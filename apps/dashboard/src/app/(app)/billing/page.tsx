import { isPlanId } from '@replyline/billing/plans';
import type { Metadata } from 'next';
import { BillingPanel } from '~/components/billing/billing-panel';
import type { BillingOverview } from '~/components/billing/billing-view';
import { prefetched } from '~/components/widget/prefetched';
import { requireWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';
import '~/components/widget/panels.css';
import '~/components/billing/billing.css';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { current } = await requireWorkspace();
  // Stripe Checkout sends the owner back with ?checkout=<session id> after paying.
  const params = await searchParams;
  const checkoutReturned = typeof params.checkout === 'string';
  // Sign-up from the pricing page lands here with the paid plan picked there (?plan=pro).
  const chosenPlan = isPlanId(params.plan) && params.plan !== 'free' ? params.plan : null;
  const initial = await prefetched<BillingOverview>(async () =>
    (await serverApi()).billing.overview(),
  );
  return (
    <div className="page">
      <header className="page__header">
        <h1>Billing</h1>
        <p className="muted">Your plan, this period’s usage and your invoices.</p>
      </header>
      <BillingPanel
        isOwner={current.role === 'owner'}
        checkoutReturned={checkoutReturned}
        chosenPlan={chosenPlan}
        initial={initial}
      />
    </div>
  );
}
