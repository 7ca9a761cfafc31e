import type { Metadata } from 'next';
import {
  PLANS,
  featureLines,
  formatLimit,
  formatOverage,
  formatPrice,
  type Plan,
} from '@replyline/billing/plans';
import { pageMetadata } from '~/lib/metadata';
import { signUpUrl, site } from '~/lib/site';

export const metadata: Metadata = pageMetadata({
  title: 'Pricing',
  description: 'Simple plans for Replyline: start free, upgrade when your support volume grows.',
});

export default function PricingPage() {
  return (
    <section className="section" aria-labelledby="pricing-title">
      <div className="container">
        <header className="page-header">
          <p className="eyebrow">Pricing</p>
          <h1 id="pricing-title">Simple plans that grow with your support team</h1>
          <p className="lead">Start free. Upgrade when your volume does. Cancel any time.</p>
        </header>

        <ul className="plan-grid">
          {PLANS.map((plan) => (
            <li key={plan.id} className={plan.featured ? 'plan plan--featured' : 'plan'}>
              <article aria-labelledby={`plan-${plan.id}`}>
                {plan.featured ? <p className="badge">Most popular</p> : null}
                <h2 id={`plan-${plan.id}`}>{plan.name}</h2>
                <p className="muted">{plan.summary}</p>
                <p className="price">
                  <span className="price__amount">{formatPrice(plan)}</span>
                  <span className="price__period"> per month</span>
                </p>
                <ul className="plan__limits">
                  <li>{repliesLine(plan)}</li>
                  {formatOverage(plan) ? <li>{formatOverage(plan)}</li> : null}
                  <li>{formatLimit(plan.seats, 'team seat')}</li>
                </ul>
                {/* Made from the plan config the server enforces: no hand-written promises. */}
                <ul className="checklist">
                  {featureLines(plan).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <PlanCta plan={plan} />
              </article>
            </li>
          ))}
        </ul>

        <p className="muted small center">Prices in US dollars, per workspace, excluding tax.</p>
      </div>
    </section>
  );
}

/**
 * The plan's button. Business says "Talk to us", so it opens an email; a link under it still
 * lets people sign up on that plan straight away.
 */
function PlanCta({ plan }: { plan: Plan }) {
  const className = plan.featured ? 'button button--block' : 'button button--ghost button--block';
  const label = <span className="visually-hidden"> ({plan.name} plan)</span>;
  if (plan.id !== 'business') {
    return (
      <a className={className} href={signUpUrl(plan.id)}>
        {plan.cta}
        {label}
      </a>
    );
  }
  return (
    <>
      <a className={className} href={`mailto:${site.supportEmail}`}>
        {plan.cta}
        {label}
      </a>
      <a className="plan__alt small" href={signUpUrl(plan.id)}>
        Or sign up on {plan.name} now
      </a>
    </>
  );
}

/** "2,000 AI replies a month"; a capped plan says what happens past the cap. */
function repliesLine(plan: Plan): string {
  const replies = `${formatLimit(plan.includedReplies, 'AI reply', 'AI replies')} a month`;
  return plan.hardCap ? `${replies}, then questions go to your inbox` : replies;
}
