import { ReadOnlyNotice } from '@replyline/ui/read-only-notice';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionsAdmin } from '~/components/actions/actions-admin';
import { requireWorkspace } from '~/server/workspace';
import '~/components/widget/panels.css';
import '~/components/settings/settings.css';

export const metadata: Metadata = { title: 'Actions' };

/** Actions reach the business's systems with its secrets: owners and admins manage them. */
export default async function ActionsPage() {
  const { current } = await requireWorkspace();
  const header = (
    <header className="page__header">
      <p>
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>Actions</h1>
      <p className="muted">
        Let the assistant look up orders, book appointments and call your own API for a visitor,
        with your secrets kept encrypted.
      </p>
    </header>
  );
  if (current.role === 'agent')
    return (
      <div className="page">
        {header}
        <ReadOnlyNotice>Actions are set up by owners and admins. Ask one of them.</ReadOnlyNotice>
      </div>
    );
  return (
    <div className="page">
      {header}
      <ActionsAdmin />
    </div>
  );
}
