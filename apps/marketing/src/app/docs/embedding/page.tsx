import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { CodeBlock } from '~/components/code-block';
import { LiveWidget } from '~/components/live-widget';
import { pageMetadata } from '~/lib/metadata';
import { site } from '~/lib/site';
import { docsApiUrl, embedSnippet, widgetScriptUrl } from '~/lib/widget';
import {
  CLAIMS_EXAMPLE,
  IDENTIFY,
  IN_THE_PAGE,
  NODE_TOKEN,
  OPEN_CLOSE,
  PYTHON_TOKEN,
  cspExample,
  nextJsExample,
} from './examples';

export const metadata: Metadata = pageMetadata({
  title: 'Embedding guide',
  description:
    'Add the Replyline chat widget to your site with one script tag: allowed websites, the JavaScript API, identity tokens for private chat, CSP and troubleshooting.',
});

const SECTIONS = [
  { id: 'script-tag', title: 'The script tag' },
  { id: 'allowed-websites', title: 'Allowed websites' },
  { id: 'javascript-api', title: 'Open and close from your page' },
  { id: 'identified-visitors', title: 'Private chat for signed-in customers' },
  { id: 'wordpress', title: 'WordPress and WooCommerce' },
  { id: 'public-api', title: 'The public API' },
  { id: 'csp', title: 'Content Security Policy' },
  { id: 'troubleshooting', title: 'Troubleshooting' },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

export default function EmbeddingGuidePage() {
  return (
    <div className="container doc">
      <header className="page-header page-header--left">
        <p className="eyebrow">Docs</p>
        <h1 id="doc-title">Embed Replyline on your site</h1>
        <p className="lead">
          One script tag puts the chat on every page. This guide covers the tag, the websites it may
          run on, the small JavaScript API, identity tokens and what to do when it does not show up.
        </p>
      </header>
      <div className="doc__layout">
        <nav className="doc__toc" aria-label="On this page">
          <h2 className="doc__toc-title">On this page</h2>
          <ol>
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ol>
        </nav>
        <article className="prose" aria-labelledby="doc-title">
          <ScriptTag />
          <AllowedWebsites />
          <JavaScriptApi />
          <IdentifiedVisitors />
          <WordPress />
          <PublicApi />
          <Csp />
          <Troubleshooting />
        </article>
      </div>
      <LiveWidget />
    </div>
  );
}

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const title = SECTIONS.find((section) => section.id === id)?.title;
  return (
    <section id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function ScriptTag() {
  return (
    <Section id="script-tag">
      <p>
        Paste this tag into every page where the chat should appear, just before{' '}
        <code>&lt;/body&gt;</code> or in the <code>&lt;head&gt;</code>. Use your own publishable key
        (<code>pk_…</code>): the dashboard shows the tag with it filled in under{' '}
        <strong>Widget settings</strong>.
      </p>
      <CodeBlock title="HTML" code={embedSnippet(docsApiUrl, 'pk_...')} />
      <p>
        The tag is <code>async</code>, so it never holds up your page. It adds a small launcher
        button; the conversation itself runs in a frame served by Replyline, created the first time
        a visitor opens the chat, so scripts on your page cannot read it. If anything goes wrong,
        the widget writes a warning to the browser console and stays out of the way: it never throws
        errors into your page.
      </p>
      <p>
        Never put a secret key (<code>sk_…</code>) in the tag. The widget refuses to start with one,
        and you should rotate a secret key that has been published.
      </p>
      <CodeBlock title="Next.js (next/script)" code={nextJsExample(widgetScriptUrl(docsApiUrl))} />
    </Section>
  );
}

function AllowedWebsites() {
  return (
    <Section id="allowed-websites">
      <p>
        The chat only runs on websites you list under{' '}
        <strong>Widget settings › Allowed websites</strong>. Each entry is an origin: scheme, host
        and port, such as <code>https://shop.example</code>. <code>https://shop.example</code> and{' '}
        <code>https://www.shop.example</code> are two websites, so list both if you use both. Add{' '}
        <code>http://localhost:3000</code> (or your own port) to try the widget while you develop:
        the <code>http://</code> or <code>https://</code> you type is kept, and a bare{' '}
        <code>localhost:3000</code> is taken as <code>http://</code>.
      </p>
      <p>
        The check is made by Replyline’s servers and by the browser, on every request and for the
        chat frame, so copying your tag to another site does not make the chat work there.
      </p>
    </Section>
  );
}

function JavaScriptApi() {
  return (
    <Section id="javascript-api">
      <p>
        The widget adds one function to your page, <code>Replyline(command, payload)</code>. The
        first line below makes it safe to call before the script has loaded: calls wait in a queue
        and run once it has.
      </p>
      <ul>
        <li>
          <code>Replyline(&apos;open&apos;)</code> opens the chat, for example from your own “Help”
          button.
        </li>
        <li>
          <code>Replyline(&apos;close&apos;)</code> closes it.
        </li>
        <li>
          <code>Replyline(&apos;identify&apos;, identity)</code> tells the chat who the visitor is;
          see the next section.
        </li>
      </ul>
      <CodeBlock title="JavaScript" code={OPEN_CLOSE} />
    </Section>
  );
}

function IdentifiedVisitors() {
  return (
    <Section id="identified-visitors">
      <p>
        When a customer is signed in to your site, your server vouches for them with an{' '}
        <strong>identity token</strong>: a short-lived JWT signed with <strong>HS256</strong> and
        your workspace’s <strong>identity secret</strong>. The page passes it to the chat. The
        conversation is then bound to that customer: it resumes only for them (on any device), and
        another customer signing in on the same browser gets their own. The assistant can greet them
        by name and use their plan, cart and orders in its answers, and your team sees who it is
        talking to.
      </p>
      <CodeBlock title="JavaScript, in your page" code={IDENTIFY} />
      <p>
        The identity secret is under <strong>Widget settings › Identity verification</strong>; it is
        shown once, when you create or rotate it. Keep it on your server: anyone who has it can
        speak as any of your customers. Mint the token on your server and render it into the page
        (or fetch it from your own endpoint); the secret must never reach the browser.
      </p>
      <h3>The token’s claims</h3>
      <dl className="fields">
        <dt>
          <code>sub</code>
        </dt>
        <dd>
          Your id for the customer, at most 200 characters. Send this, or <code>email</code>, or
          both; when present it is what names the customer.
        </dd>
        <dt>
          <code>email</code>
        </dt>
        <dd>The customer’s email address; names them (lower-cased) when there is no sub.</dd>
        <dt>
          <code>name</code>
        </dt>
        <dd>Optional. How the assistant greets them; your team sees it too.</dd>
        <dt>
          <code>context.plan</code>, <code>context.orderIds</code>, <code>context.cart</code>,{' '}
          <code>context.page</code>
        </dt>
        <dd>
          Optional. What the assistant may use when it answers: the customer’s plan, up to 50 order
          ids, their cart (any JSON, keep it small) and the page they are on. Short texts, up to 200
          characters each.
        </dd>
        <dt>
          <code>iat</code>
        </dt>
        <dd>Required. When the token was issued, in seconds since 1970.</dd>
        <dt>
          <code>exp</code>
        </dt>
        <dd>
          Required. When it expires, <strong>at most 24 hours</strong> after <code>iat</code>; a few
          minutes to an hour is plenty.
        </dd>
      </dl>
      <p>
        The header is <code>{'{"alg":"HS256","typ":"JWT"}'}</code>; any other algorithm is refused.
        The whole token may be at most 4096 characters. Only what the token signs is stored and
        given to the assistant.
      </p>
      <CodeBlock title="Token payload" code={CLAIMS_EXAMPLE} />
      <h3>Minting the token</h3>
      <p>
        Any JWT library that signs HS256 will do. Without one, the token is three base64url parts:
        the header, the claims, and the HMAC-SHA256 of the first two (joined by a dot) keyed with
        the identity secret.
      </p>
      <CodeBlock title="Node.js (node:crypto, no dependency)" code={NODE_TOKEN} />
      <CodeBlock title="Python (standard library only)" code={PYTHON_TOKEN} />
      <p>
        Mint a new token each time a page loads: a token is only checked when the chat starts or
        resumes, so a short lifetime costs nothing.
      </p>
      <CodeBlock title="HTML, rendered by your server" code={IN_THE_PAGE} />
      <p>
        A bad token is refused: the chat does not quietly fall back to an anonymous conversation,
        because your page asked for a private one (see Troubleshooting for the reasons). You can
        call <code>identify</code> again at any time, for example after the customer signs in. When
        they sign out, <code>Replyline(&apos;identify&apos;, null)</code> (or a page without a
        token) starts an anonymous conversation, which never shows the signed-in one.
      </p>
      <p>
        Under Widget settings, <strong>Only signed-in customers can chat</strong> makes the chat
        refuse every visitor without a valid identity, asking them to sign in first.
      </p>
      <h3>The older signature</h3>
      <p>
        Embeds made before identity tokens send <code>{'{ userId, signature }'}</code> (or{' '}
        <code>{'{ email, signature }'}</code>), where <code>signature</code> is the lowercase hex
        HMAC-SHA256 of the user id (or of the lower-cased email) with the identity secret. It still
        works, but for the user id or email only: a <code>name</code> or <code>context</code> sent
        beside it is not signed, so it is ignored, and the signature never expires. Move to identity
        tokens to pass those and to get tokens that expire.
      </p>
    </Section>
  );
}

function WordPress() {
  return (
    <Section id="wordpress">
      <p>
        On WordPress, the <strong>Replyline Chat</strong> plugin does all of the above for you: it
        adds the tag to every page (or the pages you choose) and, for a signed-in user, mints the
        identity token on your server with their name and email and, when WooCommerce is active,
        their cart and most recent orders. The identity secret stays in WordPress; its settings page
        only says whether one is set.
      </p>
      <ol>
        <li>
          Build <code>replyline.zip</code> with{' '}
          <code>node integrations/wordpress/build-zip.mjs</code> in the Replyline repository (it
          lands in <code>integrations/wordpress/dist/</code>), upload it under{' '}
          <strong>Plugins › Add New › Upload Plugin</strong> and activate it.
        </li>
        <li>
          In <strong>Settings › Replyline Chat</strong>, enter the API URL (here{' '}
          <code>{docsApiUrl}</code>), your publishable key and the identity secret from{' '}
          <strong>Widget settings › Identity verification</strong>, and save.
        </li>
        <li>Add your WordPress site’s address to the allowed websites.</li>
      </ol>
      <p>
        Under <strong>Widget settings › Branding</strong> you can greet signed-in customers by type:{' '}
        <strong>new</strong> (no orders yet), <strong>returning</strong> and <strong>VIP</strong>{' '}
        (at least the number of orders you choose). The chat picks the greeting from the orders the
        token signs, so nobody can claim to be a VIP.
      </p>
    </Section>
  );
}

function PublicApi() {
  const openapi = `${docsApiUrl}/v1/openapi.json`;
  return (
    <Section id="public-api">
      <p>
        The widget talks to a public REST API, with answers streamed as Server-Sent Events. If you
        would rather build your own chat interface, the same API is yours to use, under the same
        rules (publishable key, allowed websites, rate limits). It is described in OpenAPI at{' '}
        <a href={openapi}>
          <code>{openapi}</code>
        </a>
        .
      </p>
    </Section>
  );
}

function Csp() {
  return (
    <Section id="csp">
      <p>
        If your site sends a Content Security Policy, allow the Replyline API origin in three
        places: <code>script-src</code> for <code>widget.js</code>, <code>connect-src</code> for the
        widget’s settings request, and <code>frame-src</code> for the chat frame (or{' '}
        <code>child-src</code>/<code>default-src</code> if your policy has no <code>frame-src</code>
        ).
      </p>
      <CodeBlock title="HTTP header" code={cspExample(docsApiUrl)} />
      <p>
        Nothing else is needed. The launcher’s styles are constructed stylesheets inside its own
        shadow root, which <code>style-src</code> does not restrict in current browsers (very old
        browsers fall back to a <code>&lt;style&gt;</code> element that needs{' '}
        <code>&apos;unsafe-inline&apos;</code>). The chat frame has its own policy, set by
        Replyline, and only your allowed websites may frame it.
      </p>
    </Section>
  );
}

function Troubleshooting() {
  return (
    <Section id="troubleshooting">
      <h3>The chat button does not appear on one of my websites</h3>
      <p>
        The page’s origin is probably not on your allowed websites: there the widget shows no button
        at all. The dashboard’s widget settings warn you about each website the widget was loaded on
        but refused, with a button that adds it; the browser console names the origin too. Add
        exactly that origin under Widget settings › Allowed websites and reload.
      </p>
      <h3>No chat button appears</h3>
      <p>
        Open the browser console and look for a message starting with <code>[replyline]</code>: a
        missing <code>data-key</code>, a secret key used by mistake, or the API unreachable. A
        Content Security Policy error means your policy needs the origins above.
      </p>
      <h3>Signed-in customers cannot start a chat</h3>
      <p>
        The chat shows why, and the refused <code>POST /v1/conversations</code> request (in the
        browser’s developer tools, Network tab) answers <code>401</code> with one of these codes:
      </p>
      <dl className="fields">
        <dt>
          <code>identity_expired</code>
        </dt>
        <dd>
          The token’s <code>exp</code> has passed (60 seconds of clock difference are allowed). Mint
          a new token each time the page loads rather than caching one, and check your server’s
          clock.
        </dd>
        <dt>
          <code>identity_lifetime_too_long</code>
        </dt>
        <dd>
          <code>exp</code> is more than 24 hours after <code>iat</code>. Give the token a shorter
          life; an hour is plenty.
        </dd>
        <dt>
          <code>invalid_identity</code>
        </dt>
        <dd>
          The token is not usable: signed with another secret (rotating it in the dashboard
          invalidates earlier tokens) or algorithm than HS256, changed after signing, missing{' '}
          <code>iat</code> or <code>exp</code>, with neither <code>sub</code> nor <code>email</code>
          , or with an <code>iat</code> in the future. Encode each part as base64url without
          padding, and sign the header and claims exactly as sent.
        </dd>
        <dt>
          <code>identity_required</code>
        </dt>
        <dd>
          The workspace only admits signed-in customers and the page sent no identity. Call{' '}
          <code>Replyline(&apos;identify&apos;, {'{ token }'})</code> for signed-in customers, or
          turn off “Only signed-in customers can chat”.
        </dd>
      </dl>
      <h3>The assistant offers a contact form instead of answering</h3>
      <p>
        The workspace has used its plan’s AI replies for the month (the Free plan stops there; paid
        plans continue and bill per reply). Questions then go to your inbox as tickets. See{' '}
        <Link href="/pricing">pricing</Link>.
      </p>
      <h3>Conversations do not survive a reload in private windows</h3>
      <p>
        Browsers that block storage in third-party frames keep the conversation for the life of the
        page only.
      </p>
      <p>
        Still stuck? Write to <a href={`mailto:${site.supportEmail}`}>{site.supportEmail}</a>.
      </p>
    </Section>
  );
}
