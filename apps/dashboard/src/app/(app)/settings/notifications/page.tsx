import { Panel } from '@replyline/ui/panel';
import type { Metadata } from 'next';
import { PushSettings } from '~/components/pwa/push-settings';
import { requireWorkspace } from '~/server/workspace';

export const metadata: Metadata = { title: 'Notifications' };

/** Per member and device (every role): push notifications from this workspace. */
export default async function NotificationsPage() {
  const { current } = await requireWorkspace();
  return (
    <div className="page">
      <header className="page__header">
        <h1>Notifications</h1>
        <p className="muted">
          Notifications from {current.name} on this device. Install Replyline from the browser menu
          (or “Install app” in the sidebar) to get them like an app’s.
        </p>
      </header>
      <Panel id="this-device" title="This device">
        <PushSettings />
      </Panel>
    </div>
  );
}
