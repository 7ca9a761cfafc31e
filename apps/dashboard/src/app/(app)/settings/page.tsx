import { Panel } from '@replyline/ui/panel';
import { ReadOnlyNotice } from '@replyline/ui/read-only-notice';
import type { Metadata } from 'next';
import { AuditLog } from '~/components/settings/audit-log';
import { CannedReplies } from '~/components/settings/canned-replies';
import { CustomerData } from '~/components/settings/customer-data';
import { DeleteWorkspace } from '~/components/settings/delete-workspace';
import { RetentionForm } from '~/components/settings/retention-form';
import { WebhookForm } from '~/components/settings/webhook-form';
import { requireWorkspace } from '~/server/workspace';
import '~/components/widget/panels.css';
import '~/components/settings/settings.css';

export const metadata: Metadata = { title: 'Settings' };

/** The workspace's data settings: retention, customers' data rights, webhook, audit log. */
export default async function SettingsPage() {
  const { current } = await requireWorkspace();
  const header = (
    <header className="page__header">
      <h1>Settings</h1>
      <p className="muted">
        Data retention, customers’ data requests, the ticket webhook and the audit log.
      </p>
    </header>
  );
  // Every setting here is an admin's; agents would only meet refusals.
  if (current.role === 'agent')
    return (
      <div className="page">
        {header}
        <ReadOnlyNotice>
          Settings need the admin role. Ask an owner or admin of this workspace.
        </ReadOnlyNotice>
      </div>
    );
  return (
    <div className="page">
      {header}
      <nav className="page-nav" aria-label="On this page">
        <ul>
          <li>
            <a href="#canned-replies">Canned replies</a>
          </li>
          <li>
            <a href="#retention">Data retention</a>
          </li>
          <li>
            <a href="#customer-data">Customer data (GDPR)</a>
          </li>
          <li>
            <a href="#webhook">Webhook</a>
          </li>
          <li>
            <a href="#audit-log">Audit log</a>
          </li>
          <li>
            <a href="/settings/sso">Single sign-on (SSO) →</a>
          </li>
          <li>
            <a href="/settings/api-keys">API keys →</a>
          </li>
          <li>
            <a href="/settings/alerts">Alerts (Telegram, Slack, WhatsApp, SMS, Teams) →</a>
          </li>
          <li>
            <a href="/settings/actions">Actions (order status, bookings, your own API) →</a>
          </li>
          {current.role === 'owner' && (
            <li>
              <a href="#delete-workspace">Delete workspace</a>
            </li>
          )}
        </ul>
      </nav>
      <Panel
        id="canned-replies"
        title="Canned replies"
        description="Answers your team inserts in the inbox by typing / and the shortcut."
      >
        <CannedReplies />
      </Panel>
      <Panel
        id="retention"
        title="Data retention"
        description="How long conversations, their messages and files are kept."
      >
        <RetentionForm />
      </Panel>
      <Panel
        id="customer-data"
        title="Customer data (GDPR)"
        description="Answer a customer’s request for a copy of their data, or to erase it."
      >
        <CustomerData />
      </Panel>
      <Panel
        id="webhook"
        title="Webhook"
        description="New tickets are posted here as well as emailed to owners and admins."
      >
        <WebhookForm />
      </Panel>
      <Panel
        id="audit-log"
        title="Audit log"
        description="Admin actions in this workspace: who, what, when and from which address."
      >
        <AuditLog />
      </Panel>
      {current.role === 'owner' && (
        <Panel
          id="delete-workspace"
          title="Delete workspace"
          description="Only the owner can delete the workspace, with everything in it."
        >
          <DeleteWorkspace name={current.name} />
        </Panel>
      )}
    </div>
  );
}
