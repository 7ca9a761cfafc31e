import Link from 'next/link';
import { site } from '~/lib/site';

const FEATURES = [
  {
    title: 'A lighter widget',
    body: 'One small script tag. The chat loads after your page does, so it never slows your site down.',
  },
  {
    title: 'Grounded answers with citations',
    body: 'Every reply comes from your own help content and links to the articles it used, so customers can check.',
  },
  {
    title: 'Human hand-off',
    body: 'When a question needs a person, the conversation goes to your team with the full context. Nobody repeats themselves.',
  },
  {
    title: 'Tenant isolation',
    body: "Each workspace's content and conversations are kept apart, enforced in the database as well as in the app.",
  },
  {
    title: 'Runs on a laptop',
    body: 'The whole stack, database included, starts locally with one command. Try it before anything touches the cloud.',
  },
] as const;

const STEPS = [
  {
    title: 'Connect your help content',
    body: 'Import articles and FAQs. Replyline keeps them in sync.',
  },
  { title: 'Add the widget', body: 'Paste one snippet, pick your colours, and it is live.' },
  {
    title: 'Review and improve',
    body: 'See what customers ask, which answers helped, and where to hand off.',
  },
] as const;

export default function HomePage() {
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__inner">
          <div className="hero__copy">
            <p className="eyebrow">AI customer support</p>
            <h1 id="hero-title">Answers your customers can trust.</h1>
            <p className="lead">{site.description}</p>
            <div className="actions">
              <a className="button" href={site.signInUrl}>
                Start free
              </a>
              <Link className="button button--ghost" href="/pricing">
                See pricing
              </Link>
            </div>
            <p className="muted small">Free plan, no card needed.</p>
          </div>

          <figure
            className="chat-preview"
            aria-label="Example conversation with the Replyline widget"
          >
            <div className="chat-preview__header">
              <span className="status-dot" aria-hidden="true" />
              Acme Support
            </div>
            <div className="chat-preview__body">
              <p className="bubble bubble--customer">
                Can I switch plans in the middle of a billing cycle?
              </p>
              <div className="bubble bubble--assistant">
                <p>
                  Yes. Upgrades apply straight away and you pay the difference for the rest of the
                  cycle; downgrades start at your next renewal.<sup>1</sup>
                </p>
                <p className="citation">
                  <span aria-hidden="true">1</span> Billing FAQ · Changing your plan
                </p>
              </div>
              <p className="handoff">Still stuck? A person from the Acme team can take over.</p>
            </div>
            <figcaption className="visually-hidden">
              The assistant answers a billing question and cites the help article it used.
            </figcaption>
          </figure>
        </div>
      </section>

      <section id="features" className="section" aria-labelledby="features-title">
        <div className="container">
          <h2 id="features-title" className="section__title">
            Built for support teams that care about getting it right
          </h2>
          <ul className="feature-grid">
            {FEATURES.map((feature) => (
              <li key={feature.title} className="card">
                <h3>{feature.title}</h3>
                <p>{feature.body}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="section section--tinted" aria-labelledby="how-title">
        <div className="container">
          <h2 id="how-title" className="section__title">
            Live in an afternoon
          </h2>
          <ol className="steps">
            {STEPS.map((step) => (
              <li key={step.title}>
                <h3>{step.title}</h3>
                <p>{step.body}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="section cta-band" aria-labelledby="cta-title">
        <div className="container cta-band__inner">
          <h2 id="cta-title">Give your customers answers they can check.</h2>
          <div className="actions">
            <a className="button" href={site.signInUrl}>
              Start free
            </a>
            <Link className="button button--ghost" href="/pricing">
              Compare plans
            </Link>
          </div>
        </div>
      </section>
    </>
  );
}
