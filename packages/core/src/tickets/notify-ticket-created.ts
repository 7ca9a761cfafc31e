import {
  QUEUES,
  schema,
  withTenant,
  type Database,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { sendEmail, type EmailRetry } from '@replyline/email';
import { and, eq } from 'drizzle-orm';
import { emitAlert } from '../alerts/emit-alert';
import { teamRecipients } from '../team-recipients';
import { customerMessageOf } from './customer-message';
import { WEBHOOK_RETRY, type WebhookJob } from '../webhooks/webhook-job';

const { tenants, tickets } = schema;

export interface TicketNotificationDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  /** The dashboard's address, for the link to the ticket. */
  dashboardUrl: string;
  /** Tests shorten the waits between attempts. */
  emailRetry?: Partial<EmailRetry>;
  webhookRetry?: Partial<typeof WEBHOOK_RETRY>;
}

/**
 * Tells the team about a new ticket (from an escalation or made by hand): an email to every
 * owner and admin, and, when the tenant set a webhook, a Slack-compatible post through the
 * queue (retried with backoff). Returns what was sent; nothing when the ticket is gone.
 */
export async function notifyTicketCreated(
  deps: TicketNotificationDeps,
  tenantId: TenantId,
  ticketId: string,
): Promise<{ emails: number; webhook: boolean }> {
  const facts = await readTicketFacts(deps.db, tenantId, ticketId);
  if (!facts) return { emails: 0, webhook: false };
  const { ticket, tenant, recipients, message } = facts;
  const ticketUrl = new URL(`/tickets/${ticket.id}`, deps.dashboardUrl).toString();

  for (const to of recipients)
    await sendEmail(
      { db: deps.db, queue: deps.queue, retry: deps.emailRetry },
      {
        to,
        template: 'ticket-created',
        props: {
          workspaceName: tenant.name,
          ticketNumber: ticket.number,
          customerEmail: ticket.customerEmail,
          customerName: ticket.customerName ?? undefined,
          message,
          ticketUrl,
        },
        metadata: { tenantId, ticketId },
      },
    );
  // Alert channels (Telegram, SMS, ...) that asked for new tickets, and their overdue checks.
  await emitAlert({ db: deps.db, queue: deps.queue }, tenantId, 'ticket.created', {
    ticketId: ticket.id,
  });
  if (!tenant.webhookUrl) return { emails: recipients.length, webhook: false };

  // Ids only: the worker builds the post from the ticket when it sends it (see WebhookJob).
  const job: WebhookJob = { tenantId, ticketId: ticket.id, event: 'ticket.created' };
  await deps.queue.send(QUEUES.outgoingWebhook, job, { ...WEBHOOK_RETRY, ...deps.webhookRetry });
  return { emails: recipients.length, webhook: true };
}

/** The ticket, its workspace, who to tell and the customer's words; null when it is gone. */
export async function readTicketFacts(db: Database, tenantId: TenantId, ticketId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [ticket] = await tx
      .select({
        id: tickets.id,
        number: tickets.number,
        subject: tickets.subject,
        customerEmail: tickets.customerEmail,
        customerName: tickets.customerName,
        conversationId: tickets.conversationId,
      })
      .from(tickets)
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
    if (!ticket) return null;
    const [tenant] = await tx
      .select({ name: tenants.name, webhookUrl: tenants.webhookUrl })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    const recipients = await teamRecipients(tx, tenantId);
    const message = await customerMessageOf(tx, tenantId, ticket);
    return {
      ticket,
      tenant: tenant!,
      recipients,
      message: message ?? ticket.subject,
    };
  });
}
