import type { Metadata } from 'next';
import Link from 'next/link';
import { LegalPage } from '~/components/legal-page';
import { pageMetadata } from '~/lib/metadata';
import { site } from '~/lib/site';

export const metadata: Metadata = pageMetadata({
  title: 'Terms of service',
  description:
    'The terms for using Replyline: accounts, acceptable use, your content, AI answers, plans and billing, and ending the service.',
});

export default function TermsPage() {
  return (
    <LegalPage
      id="terms-title"
      title="Terms of service"
      summary="The agreement between your business and Replyline when you use the service. Short on purpose; ask us if anything is unclear."
    >
      <section aria-labelledby="service">
        <h2 id="service">The service</h2>
        <p>
          {site.name} gives your business a chat assistant for your websites that answers from the
          knowledge you provide, hands conversations to your team, and a dashboard to run it. You
          accept these terms when you create a workspace or use the service on behalf of your
          business, and you confirm that you may bind it.
        </p>
      </section>

      <section aria-labelledby="accounts">
        <h2 id="accounts">Accounts and your team</h2>
        <p>
          Keep access to your email account, used for sign-in links, secure. Workspace owners decide
          who joins and with which role, and are responsible for what their team does in the
          workspace. Keep secret keys and the identity secret on your servers; anyone holding them
          can act for your workspace.
        </p>
      </section>

      <section aria-labelledby="use">
        <h2 id="use">Acceptable use</h2>
        <ul>
          <li>
            Use the service lawfully, and tell your visitors that they are chatting with an AI.
          </li>
          <li>
            Do not upload content you have no right to use, or content that is unlawful or harmful.
          </li>
          <li>
            Do not try to reach another workspace’s data, get around plan limits or rate limits, or
            disrupt the service.
          </li>
          <li>
            Do not use the chat to collect payment card numbers, health data or other special
            categories of data.
          </li>
        </ul>
      </section>

      <section aria-labelledby="content">
        <h2 id="content">Your content</h2>
        <p>
          Your knowledge, conversations and settings stay yours. You give us the right to store and
          process them only to provide the service to you, as described in our{' '}
          <Link href="/legal/privacy">privacy policy</Link>. We act on your instructions for the
          personal data of your customers, and you are responsible for having a legal basis to share
          it with us.
        </p>
      </section>

      <section aria-labelledby="answers">
        <h2 id="answers">AI answers</h2>
        <p>
          The assistant answers from the content you provide and cites it, and it is built to say
          when it does not know. Answers can still be incomplete or wrong, so keep your content
          current and check the conversations in your dashboard. You are responsible for the answers
          given on your website as if your own team had written them.
        </p>
      </section>

      <section aria-labelledby="billing">
        <h2 id="billing">Plans and billing</h2>
        <p>
          Plans, included AI replies and prices are those on our{' '}
          <Link href="/pricing">pricing page</Link> when you subscribe. The Free plan stops
          answering with AI when its monthly replies are used up. Paid plans are billed monthly in
          advance through Stripe, with replies beyond the included ones billed per reply at the end
          of the period. Prices exclude tax. You can change or cancel your plan at any time in the
          dashboard; a cancellation takes effect at the end of the paid period. We give at least 30
          days’ notice of price changes.
        </p>
      </section>

      <section aria-labelledby="availability">
        <h2 id="availability">Availability and changes</h2>
        <p>
          We work to keep the service available and the widget from ever breaking your site, but we
          do not promise it will be uninterrupted. We may improve or change features; if a change
          takes away something you pay for, we tell you in advance and you may cancel.
        </p>
      </section>

      <section aria-labelledby="ending">
        <h2 id="ending">Ending the service</h2>
        <p>
          You can close your workspace at any time. We may suspend a workspace that breaks these
          terms or leaves invoices unpaid, after telling you and giving you a chance to fix it
          unless the breach is serious. Export what you need first: after closing, your content and
          conversations are deleted as our privacy policy describes.
        </p>
      </section>

      <section aria-labelledby="liability">
        <h2 id="liability">Liability</h2>
        <p>
          The service is provided as it is. To the extent the law allows, neither side is liable for
          indirect or consequential losses, and our total liability is limited to what you paid us
          in the twelve months before the claim. Nothing here limits liability that the law does not
          allow to be limited.
        </p>
      </section>

      <section aria-labelledby="terms-contact">
        <h2 id="terms-contact">Changes and contact</h2>
        <p>
          We will tell workspace owners by email at least 30 days before these terms change in a way
          that matters. Questions: <a href={`mailto:${site.supportEmail}`}>{site.supportEmail}</a>.
        </p>
      </section>
    </LegalPage>
  );
}
