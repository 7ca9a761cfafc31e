import { ALERT_EVENT_LABELS } from '@replyline/core/alerts';
import { ReadOnlyNotice } from '@replyline/ui/read-only-notice';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AlertChannels } from '~/components/alerts/alert-channels';
import { requireWorkspace } from '~/server/workspace';
import '~/components/widget/panels.css';
import '~/components/settings/settings.css';

export const metadata: Metadata = { title: 'Alerts' };

/** Instant alerts on Telegram, Slack, WhatsApp, SMS, Teams or a webhook: owners and admins. */
export default async function AlertsPage() {
  const { current } = await requireWorkspace();
  const header = (
    <header className="page__header">
      <p>
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>Alerts</h1>
      <p className="muted">
        Hear about new tickets, customers asking for a person or sounding upset, and customers left
        waiting, where your team already is.
      </p>
    </header>
  );
  if (current.role === 'agent')
    return (
      <div className="page">
        {header}
        <ReadOnlyNotice>Alerts are set up by owners and admins. Ask one of them.</ReadOnlyNotice>
      </div>
    );
  return (
    <div className="page">
      {header}
      <AlertChannels eventLabels={ALERT_EVENT_LABELS} />
    </div>
  );
}
