import type { Database, PgBoss, TenantId } from '@replyline/db';
import { sendEmail, type EmailRetry } from '@replyline/email';
import { readTicketFacts } from './notify-ticket-created';

/**
 * Tells the customer who asked for a person that the request arrived, with its ticket number
 * (through the outbox: Resend in production, the dev outbox otherwise). Sent once per hand-off:
 * the caller sends it only when the escalation started one (`Escalation.handoffStarted`).
 * Returns the outbox row, or null when the ticket is gone.
 */
export async function acknowledgeHandoff(
  deps: { db: Database; queue: Pick<PgBoss, 'send'>; emailRetry?: Partial<EmailRetry> },
  tenantId: TenantId,
  ticketId: string,
): Promise<{ emailId: string } | null> {
  const facts = await readTicketFacts(deps.db, tenantId, ticketId);
  if (!facts) return null;
  const { ticket, tenant, message } = facts;
  return sendEmail(
    { db: deps.db, queue: deps.queue, retry: deps.emailRetry },
    {
      to: ticket.customerEmail,
      template: 'handoff-received',
      props: {
        workspaceName: tenant.name,
        ticketNumber: ticket.number,
        customerName: ticket.customerName ?? undefined,
        message,
      },
      metadata: { tenantId, ticketId, conversationId: ticket.conversationId },
    },
  );
}
