import { ReadOnlyNotice } from '@replyline/ui/read-only-notice';
import type { Metadata } from 'next';
import Link from 'next/link';
import { SsoSettings } from '~/components/sso/sso-settings';
import { getServer } from '~/server/db';
import { requireWorkspace } from '~/server/workspace';
import '~/components/widget/panels.css';
import '~/components/settings/settings.css';
import '~/components/sso/sso.css';

export const metadata: Metadata = { title: 'Single sign-on' };

/** Single sign-on (Business): the identity provider, the verified domain, on or off. */
export default async function SsoPage() {
  const { current } = await requireWorkspace();
  const header = (
    <header className="page__header">
      <p>
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>Single sign-on</h1>
      <p className="muted">
        Your team signs in through your company’s identity provider (OpenID Connect) instead of
        email links.
      </p>
    </header>
  );
  if (current.role === 'agent')
    return (
      <div className="page">
        {header}
        <ReadOnlyNotice>
          Single sign-on is set up by owners and admins. Ask one of them.
        </ReadOnlyNotice>
      </div>
    );
  const { services } = await getServer();
  return (
    <div className="page">
      {header}
      <SsoSettings
        workspaceId={current.id}
        callbackBase={`${services.dashboardUrl}/api/auth/callback/oidc-${current.id}`}
      />
    </div>
  );
}
