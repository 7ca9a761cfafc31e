import type { Metadata } from 'next';
import Link from 'next/link';
import { LegalPage } from '~/components/legal-page';
import { pageMetadata } from '~/lib/metadata';
import { site } from '~/lib/site';

export const metadata: Metadata = pageMetadata({
  title: 'Privacy policy',
  description:
    'What personal data Replyline processes, why, which sub-processors are involved, how long it is kept and how to export or delete it.',
});

export default function PrivacyPage() {
  const contact = <a href={`mailto:${site.supportEmail}`}>{site.supportEmail}</a>;
  return (
    <LegalPage
      id="privacy-title"
      title="Privacy policy"
      summary="Replyline answers questions for businesses on their websites. This page explains what data that involves and what control you have over it."
    >
      <section aria-labelledby="roles">
        <h2 id="roles">Who is responsible</h2>
        <p>
          For the accounts of people who use the Replyline dashboard, {site.name} is the controller.
          For conversations on a business’s website, that business is the controller and {site.name}{' '}
          processes the data on its behalf, under its instructions and our terms. If you chatted
          with a business through Replyline, that business is your first contact for your data; we
          help it answer you.
        </p>
      </section>

      <section aria-labelledby="data">
        <h2 id="data">What we process</h2>
        <ul>
          <li>
            <strong>Dashboard accounts:</strong> your name and email address, your workspace
            memberships and roles, and a record of admin actions (who did what, when, and from which
            IP address and browser) kept for security.
          </li>
          <li>
            <strong>Knowledge:</strong> the documents, FAQ entries and texts a workspace uploads so
            the assistant can answer from them.
          </li>
          <li>
            <strong>Conversations:</strong> the messages exchanged in the chat, the sources cited,
            ratings, a random visitor id kept in the chat frame’s own browser storage, and the
            website the chat ran on. When a business identifies its signed-in customers, also the
            details it chooses to pass: an id, name, email address, plan, cart, order ids and the
            current page.
          </li>
          <li>
            <strong>Tickets:</strong> when a visitor asks for a person, the email address and
            message they leave.
          </li>
          <li>
            <strong>Billing:</strong> the plan, usage counts and, for paid plans, the billing
            contact. Card details go straight to our payment provider and never reach our servers.
          </li>
        </ul>
        <p>
          Visitor IP addresses are used briefly to apply rate limits against abuse and are not
          stored with conversations. This marketing site sets no cookies and runs no analytics; the
          demo chat on it keeps only its random visitor id, like any Replyline chat.
        </p>
      </section>

      <section aria-labelledby="purposes">
        <h2 id="purposes">Why</h2>
        <p>
          To provide the service a business signed up for (answering its customers, handing
          conversations to its team, showing it reports), to bill for it, to keep it secure and to
          send the emails the service needs, such as sign-in links, ticket updates and usage alerts.
          We do not sell personal data, and we do not use one business’s content or conversations to
          serve another.
        </p>
      </section>

      <section aria-labelledby="subprocessors">
        <h2 id="subprocessors">Sub-processors</h2>
        <p>
          Replyline works without any of the services below; each is involved only when it is
          configured for the deployment that serves you.
        </p>
        <ul>
          <li>
            <strong>OpenAI</strong> writes answers and computes search embeddings. It receives the
            visitor’s message, the passages retrieved from the workspace’s knowledge and the context
            the business passed. Without it, answers are quoted from the knowledge base and nothing
            leaves our servers.
          </li>
          <li>
            <strong>Stripe</strong> handles subscriptions, invoices and payments for paid plans.
          </li>
          <li>
            <strong>Resend</strong> delivers email: sign-in links, team invitations, ticket
            notifications, transcripts and usage alerts.
          </li>
        </ul>
        <p>
          Data is also stored with the infrastructure provider that hosts the service and its
          database. We will tell workspace owners before adding a sub-processor.
        </p>
      </section>

      <section aria-labelledby="retention">
        <h2 id="retention">How long we keep it</h2>
        <p>
          Each workspace chooses a retention period for conversations in its settings, for example
          30 days; older conversations are deleted automatically. Without a setting they are kept
          until the workspace deletes them. Knowledge stays until it is deleted. When a workspace is
          closed, its content and conversations are deleted; billing records are kept as long as
          accounting law requires.
        </p>
      </section>

      <section aria-labelledby="rights">
        <h2 id="rights">Your rights under the GDPR</h2>
        <p>
          You may ask for a copy of your data, have it corrected or deleted, object to its use or
          ask us to restrict it. Workspace admins can export and delete everything held about one of
          their customers from the dashboard, in one step. If you chatted with a business, ask that
          business; if you write to us instead, we pass your request on and help it respond. You may
          also complain to your data protection authority.
        </p>
      </section>

      <section aria-labelledby="security">
        <h2 id="security">Security</h2>
        <p>
          Traffic is encrypted in transit. Each workspace’s data is separated by the database
          itself, with row-level security, as well as by the application. Identity secrets are
          encrypted at rest, and the chat runs in a frame that scripts on the host page cannot read.
        </p>
      </section>

      <section aria-labelledby="contact">
        <h2 id="contact">Contact</h2>
        <p>
          Questions or requests about privacy: {contact}. See also our{' '}
          <Link href="/legal/terms">terms of service</Link>.
        </p>
      </section>
    </LegalPage>
  );
}
