'use client';

import {
  featureLines,
  formatLimit,
  formatOverage,
  formatPrice,
  PLANS,
  type Plan,
  type PlanId,
} from '@replyline/billing/plans';
import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { overageNote, planChange, usageMeter, type BillingOverview } from './billing-view';

/** Plan, this period's usage, the plans to move to, and Stripe's portal for the rest. */
export function BillingPanel({
  initial,
  isOwner,
  checkoutReturned,
  chosenPlan = null,
}: {
  isOwner: boolean;
  checkoutReturned: boolean;
  /** The paid plan picked on the pricing page before sign-up: offered first, one click away. */
  chosenPlan?: PlanId | null;
  initial?: BillingOverview;
}) {
  const trpc = useTRPC();
  const overview = useQuery(
    trpc.billing.overview.queryOptions(undefined, { initialData: initial }),
  );
  const go = { onSuccess: ({ url }: { url: string }) => window.location.assign(url) };
  const checkout = useMutation(trpc.billing.checkout.mutationOptions(go));
  const portal = useMutation(trpc.billing.portal.mutationOptions(go));
  const leaving = checkout.isPending || portal.isPending || checkout.isSuccess || portal.isSuccess;

  if (overview.isPending) return <p className="muted">Loading billing…</p>;
  if (overview.isError) return <FormStatus error={overview.error.message} />;
  const data = overview.data;
  const actionsOn = isOwner && data.configured && !leaving;
  const manage = () => portal.mutate();
  // Paid plans go through Checkout (or the portal, when a subscription is live: the API
  // decides); Free means cancelling, which is done in the portal.
  const choose = (target: PlanId) =>
    target === 'free' ? manage() : checkout.mutate({ plan: target });

  return (
    <>
      {!data.configured && (
        <p className="notice notice--top" data-billing-not-configured="">
          {data.notice ?? 'Billing is not configured.'}
        </p>
      )}
      {checkoutReturned && data.configured && (
        <p role="status" className="notice notice--top">
          Thank you! Your plan changes as soon as Stripe confirms the payment, usually within
          seconds. Reload this page if it has not yet.
        </p>
      )}
      {data.subscriptionStatus === 'past_due' && (
        <p role="alert" className="alert notice--top">
          Your last payment failed. Update your card under Manage billing to keep your plan.
        </p>
      )}
      {chosenPlan && chosenPlan !== data.plan.id && !checkoutReturned && (
        <ChosenPlan
          plan={PLANS.find((plan) => plan.id === chosenPlan)!}
          configured={data.configured}
          enabled={actionsOn}
          onChoose={choose}
        />
      )}
      <FormStatus error={checkout.error?.message ?? portal.error?.message} />
      <Panel
        id="current-plan"
        title={`${data.plan.name} plan`}
        description={planStatus(data)}
        actions={
          isOwner && data.canManage ? (
            <div className="actions">
              <button
                type="button"
                className="button button--quiet"
                disabled={!actionsOn}
                onClick={manage}
              >
                Manage billing
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={!actionsOn}
                onClick={manage}
              >
                Invoices
              </button>
            </div>
          ) : null
        }
      >
        <Usage overview={data} />
      </Panel>
      <Panel
        id="plans"
        title="Plans"
        description={
          !isOwner
            ? 'Only owners of this workspace can change its plan.'
            : !data.configured
              ? 'Changing plans needs billing to be configured on this server.'
              : undefined
        }
      >
        <ul className="plan-cards">
          {PLANS.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              current={data.plan.id}
              enabled={actionsOn}
              showActions={isOwner}
              onChoose={choose}
              canDowngradeToFree={data.canManage}
            />
          ))}
        </ul>
      </Panel>
    </>
  );
}

/** "You picked Pro": the plan chosen on the pricing page, with its checkout one click away. */
function ChosenPlan({
  plan,
  configured,
  enabled,
  onChoose,
}: {
  plan: Plan;
  configured: boolean;
  enabled: boolean;
  onChoose: (plan: PlanId) => void;
}) {
  return (
    <div className="notice notice--top" data-chosen-plan={plan.id}>
      <p>
        You picked the {plan.name} plan ({formatPrice(plan)} a month) when you signed up.
        {!configured && ' Checkout opens once billing is configured on this server.'}
      </p>
      <button
        type="button"
        className="button"
        disabled={!enabled}
        onClick={() => onChoose(plan.id)}
      >
        Continue to checkout for {plan.name}
      </button>
    </div>
  );
}

function planStatus(data: BillingOverview): string {
  const parts = [`${formatPrice(data.plan)} a month`];
  if (data.subscriptionStatus)
    parts.push(`subscription ${data.subscriptionStatus.replace(/_/g, ' ')}`);
  if (data.periodEnd) parts.push(`renews ${new Date(data.periodEnd).toLocaleDateString()}`);
  return parts.join(' · ');
}

function Usage({ overview }: { overview: BillingOverview }) {
  const meter = usageMeter(overview.usage);
  const since = new Date(overview.usage.periodStart).toLocaleDateString();
  return (
    <div className="usage">
      <div className="usage__line">
        <span id="usage-label" className="usage__label">
          {meter.label}
        </span>
        <span className="muted">this period, since {since}</span>
      </div>
      <div
        className={`meter meter--${meter.level}`}
        role="meter"
        aria-labelledby="usage-label"
        aria-valuemin={0}
        aria-valuemax={meter.included}
        aria-valuenow={Math.min(meter.used, meter.included)}
        aria-valuetext={meter.label}
        data-usage-used={meter.used}
        data-usage-included={meter.included}
      >
        <div className="meter__fill" style={{ width: `${meter.percent}%` }} />
      </div>
      <p className="hint">{overageNote(overview, meter)}</p>
    </div>
  );
}

function PlanCard({
  plan,
  current,
  enabled,
  showActions,
  onChoose,
  canDowngradeToFree,
}: {
  plan: Plan;
  current: PlanId;
  enabled: boolean;
  showActions: boolean;
  onChoose: (plan: PlanId) => void;
  canDowngradeToFree: boolean;
}) {
  const change = planChange(current, plan.id);
  const overage = formatOverage(plan);
  // Moving to Free is cancelling the subscription, which happens in Stripe's portal.
  const reachable = plan.id !== 'free' || canDowngradeToFree;
  const label =
    change === 'upgrade'
      ? `Upgrade to ${plan.name}`
      : plan.id === 'free'
        ? 'Downgrade to Free'
        : `Switch to ${plan.name}`;
  return (
    <li
      className={change === 'current' ? 'plan-card plan-card--current' : 'plan-card'}
      data-plan={plan.id}
    >
      <h3>{plan.name}</h3>
      <p className="plan-card__price">
        <strong>{formatPrice(plan)}</strong> <span className="muted">/ month</span>
      </p>
      <p className="muted">{plan.summary}</p>
      <ul className="plan-card__limits">
        <li>
          {formatLimit(plan.includedReplies, 'AI reply', 'AI replies')} a month
          {overage ? `, ${overage}` : ''}
        </li>
        <li>{formatLimit(plan.seats, 'team seat')}</li>
        {featureLines(plan).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {change === 'current' ? (
        <p className="plan-card__current">Your current plan</p>
      ) : (
        showActions &&
        reachable && (
          <button
            type="button"
            className={change === 'upgrade' ? 'button' : 'button button--quiet'}
            disabled={!enabled}
            onClick={() => onChoose(plan.id)}
          >
            {label}
          </button>
        )
      )}
    </li>
  );
}
