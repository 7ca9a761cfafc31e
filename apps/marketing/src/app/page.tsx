import type { Metadata } from 'next';
import Link from 'next/link';
import { PLANS, formatLimit, formatPrice } from '@replyline/billing/plans';
import { CodeBlock } from '~/components/code-block';
import { LiveWidget } from '~/components/live-widget';
import { OpenChatButton } from '~/components/open-chat-button';
import { pageMetadata } from '~/lib/metadata';
import { signUpUrl, site } from '~/lib/site';
import { WIDGET_SIZE_KB, embedSnippet, liveWidget } from '~/lib/widget';

export const metadata: Metadata = {
  ...pageMetadata({ title: `${site.name}: ${site.tagline}`, description: site.description }),
  // The home page carries the full title, without the "· Replyline" template.
  title: { absolute: `${site.name}: ${site.tagline}` },
};

const STEPS = [
  {
    title: 'Upload your knowledge',
    body: 'Drop in PDFs, FAQs, policies and price lists. They are indexed in the background, page numbers kept for citations.',
  },
  {
    title: 'Make it your brand',
    body: 'Pick colours, a name and a greeting, suggested questions and the language. The preview updates as you type.',
  },
  {
    title: 'Paste one script tag',
    body: 'Copy the snippet into your site and list the websites it may run on. Your customers can ask away.',
  },
] as const;

const FEATURES = [
  {
    title: 'Grounded answers with sources',
    body: 'Replies come from your own content and cite the document and page they used. When nothing fits, the assistant says so instead of inventing prices or policies.',
  },
  {
    title: 'Streamed as it is written',
    body: 'Answers appear word by word, so customers start reading at once instead of watching a spinner.',
  },
  {
    title: 'Human hand-off',
    body: 'Customers can ask for a person at any time, and the assistant offers one when it is unsure or the customer is upset. Your team gets a ticket with the whole conversation.',
  },
  {
    title: 'Private chat for identified customers',
    body: 'Signed-in customers get a private conversation: your server signs their id, and the assistant greets them by name and knows their plan, cart and orders.',
  },
  {
    title: 'Speaks your customers’ language',
    body: 'English, Swedish and Norwegian out of the box, in the widget and in the answers, which follow the language the customer writes in.',
  },
  {
    title: 'Tenant isolation',
    body: 'Every workspace’s content and conversations are kept apart by the database itself, with row-level security, not only by application code.',
  },
  {
    title: 'A light widget',
    body: `The loader on your page is ${WIDGET_SIZE_KB.loader} KB gzipped; loader and chat frame together are ${WIDGET_SIZE_KB.loaderAndFrame} KB. It loads after your page and the chat runs in its own frame, so it never blocks or breaks your site.`,
  },
] as const;

export default function HomePage() {
  return (
    <>
      <Hero />
      {liveWidget ? <LiveDemo snippet={embedSnippet(liveWidget.apiUrl, liveWidget.key)} /> : null}
      <HowItWorks />
      <Features />
      <PricingTeaser />
      <ClosingCta />
      <LiveWidget />
    </>
  );
}

function Hero() {
  return (
    <section className="hero" aria-labelledby="hero-title">
      <div className="container hero__inner">
        <div className="hero__copy">
          <p className="eyebrow">AI customer support</p>
          <h1 id="hero-title">Answers your customers can trust.</h1>
          <p className="lead">{site.description}</p>
          <div className="actions">
            <a className="button" href={signUpUrl('free')}>
              Start for free
            </a>
            <Link className="button button--ghost" href="/pricing">
              See pricing
            </Link>
          </div>
          <p className="muted small">Free plan, no card needed.</p>
        </div>
        <ChatPreview />
      </div>
    </section>
  );
}

/** A still picture of a conversation, for visitors before (or without) the live widget. */
function ChatPreview() {
  return (
    <figure className="chat-preview" aria-label="Example conversation with the Replyline widget">
      <div className="chat-preview__header">
        <span className="status-dot" aria-hidden="true" />
        Northwind Movers
      </div>
      <div className="chat-preview__body">
        <p className="bubble bubble--customer">Can I move my moving day to next week?</p>
        <div className="bubble bubble--assistant">
          <p>
            Yes. Rescheduling is free up to 7 days before your moving day; closer than that, the
            deposit is kept.<sup>1</sup>
          </p>
          <p className="citation">
            <span aria-hidden="true">1</span> FAQ · Can I reschedule or cancel my move?
          </p>
        </div>
        <p className="handoff">Still stuck? A person from the Northwind team can take over.</p>
      </div>
      <figcaption className="visually-hidden">
        The assistant answers a question about rescheduling and cites the FAQ entry it used.
      </figcaption>
    </figure>
  );
}

function LiveDemo({ snippet }: { snippet: string }) {
  return (
    <section className="section live-demo" aria-labelledby="live-title">
      <div className="container live-demo__inner">
        <div>
          <h2 id="live-title" className="section__title">
            Try it on this page
          </h2>
          <p>
            The chat bubble in the corner is the real Replyline widget, loaded by the same single
            script tag you would paste into your site. It answers from a demo workspace for
            Northwind Movers, a made-up moving company: ask about prices, rescheduling or pianos, or
            ask for a person.
          </p>
          <div className="actions">
            <OpenChatButton>Open the chat</OpenChatButton>
          </div>
        </div>
        <CodeBlock title="The tag on this page" code={snippet} />
      </div>
    </section>
  );
}

function HowItWorks() {
  return (
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
        <p className="section__more">
          <Link href="/docs/embedding">Read the embedding guide</Link>
        </p>
      </div>
    </section>
  );
}

function Features() {
  return (
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
  );
}

function PricingTeaser() {
  return (
    <section className="section section--tinted" aria-labelledby="pricing-teaser-title">
      <div className="container">
        <h2 id="pricing-teaser-title" className="section__title">
          Start free, pay as your support grows
        </h2>
        <ul className="teaser-grid">
          {PLANS.map((plan) => (
            <li key={plan.id} className="card">
              <h3>{plan.name}</h3>
              <p className="teaser-price">
                <strong>{formatPrice(plan)}</strong> per month
              </p>
              <p>{formatLimit(plan.includedReplies, 'AI reply', 'AI replies')} a month</p>
            </li>
          ))}
        </ul>
        <p className="section__more">
          <Link href="/pricing">Compare plans and limits</Link>
        </p>
      </div>
    </section>
  );
}

function ClosingCta() {
  return (
    <section className="section cta-band" aria-labelledby="cta-title">
      <div className="container cta-band__inner">
        <h2 id="cta-title">Give your customers answers they can check.</h2>
        <div className="actions">
          <a className="button" href={signUpUrl('free')}>
            Start for free
          </a>
          <Link className="button button--ghost" href="/docs/embedding">
            Read the embedding guide
          </Link>
        </div>
      </div>
    </section>
  );
}
