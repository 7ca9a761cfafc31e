import { DataTable } from '@replyline/ui/data-table';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isProduction } from '~/env';
import { getServer } from '~/server/db';
import { listOutboxWithLinks } from '~/server/outbox';

export const metadata: Metadata = { title: 'Dev outbox' };
export const dynamic = 'force-dynamic';

/**
 * Every email the platform produced, for development without an email provider: sign-in links
 * are clicked from here. It shows other people's sign-in links, so production never serves it.
 */
export default async function DevOutboxPage() {
  if (isProduction()) notFound();
  const { db } = await getServer();
  const emails = await listOutboxWithLinks(db);

  return (
    <main className="page page--narrow">
      <header className="page__header">
        <h1>Dev outbox</h1>
        <p className="muted">
          Emails stay here while no provider is configured (set <code>RESEND_API_KEY</code> to send
          them). Newest first. <Link href="/dev/outbox">Refresh</Link> ·{' '}
          <Link href="/sign-in">Sign in</Link>
        </p>
      </header>
      <DataTable
        columns={['To', 'Subject', 'Status', 'Time', 'Link']}
        rows={emails}
        empty={<p className="empty">No emails yet. Ask for a sign-in link and it appears here.</p>}
        renderRow={(email) => (
          <tr key={email.id} data-email-id={email.id} data-template={email.template}>
            <td>{email.to}</td>
            <td>{email.subject}</td>
            <td>
              <span className={`status status--${email.status}`}>{email.status}</span>
            </td>
            <td>
              <time dateTime={email.createdAt.toISOString()}>
                {email.createdAt.toLocaleString('en-GB', { timeZone: 'UTC' })} UTC
              </time>
            </td>
            <td>
              {email.link ? (
                <a
                  href={email.link}
                  data-magic-link={email.template === 'magic-link' ? '' : undefined}
                >
                  {email.template === 'magic-link' ? 'Sign in' : 'Open link'}
                </a>
              ) : (
                <span className="muted">none</span>
              )}
            </td>
          </tr>
        )}
      />
    </main>
  );
}
