import { ReadOnlyNotice } from '@replyline/ui/read-only-notice';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiKeys } from '~/components/api-keys/api-keys';
import { getServer } from '~/server/db';
import { requireWorkspace } from '~/server/workspace';
import '~/components/widget/panels.css';
import '~/components/settings/settings.css';

export const metadata: Metadata = { title: 'API keys' };

/** Secret keys for the management API: made, listed and revoked by owners and admins. */
export default async function ApiKeysPage() {
  const { current } = await requireWorkspace();
  const header = (
    <header className="page__header">
      <p>
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>API keys</h1>
      <p className="muted">
        Your own systems use a secret key to sync documents and FAQ entries and to read
        conversations and tickets through the management API.
      </p>
    </header>
  );
  if (current.role === 'agent')
    return (
      <div className="page">
        {header}
        <ReadOnlyNotice>API keys are managed by owners and admins. Ask one of them.</ReadOnlyNotice>
      </div>
    );
  const { services } = await getServer();
  return (
    <div className="page">
      {header}
      <ApiKeys apiUrl={services.apiUrl} />
    </div>
  );
}
