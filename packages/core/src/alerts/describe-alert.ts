import { schema, withTenant, type TenantDb, type TenantId } from '@replyline/db';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { customerMessageOf } from '../tickets/customer-message';
import { ALERT_EVENT_LABELS } from './alert-events';
import type { AlertContent } from './alert-content';
import type { AlertJob } from './alert-job';
import type { Database } from '@replyline/db';

const { conversations, messages, tenants, tickets } = schema;

/**
 * The alert's words, read now inside the tenant's scope: null when there is nothing to say any
 * more (the ticket or conversation is gone, or, for an overdue alert, an agent has answered or
 * the customer's matter is closed).
 */
export async function describeAlert(
  db: Database,
  job: AlertJob,
  dashboardUrl: string,
): Promise<AlertContent | null> {
  const tenantId = job.tenantId as TenantId;
  return withTenant(db, tenantId, async (tx) => {
    if (job.event === 'test') return testContent(tx, tenantId);
    if (job.event === 'reply.overdue' && (await answeredSince(tx, tenantId, job))) return null;
    if (job.ticketId) return ticketContent(tx, tenantId, job, dashboardUrl);
    if (job.conversationId) return conversationContent(tx, tenantId, job, dashboardUrl);
    return {
      headline: ALERT_EVENT_LABELS[job.event],
      detail: job.note ?? null,
      link: dashboardUrl,
      linkLabel: 'Open Replyline',
    };
  });
}

function headlineOf(job: AlertJob, who: string, minutes: number | null): string {
  switch (job.event) {
    case 'handoff.requested':
      return `${who} asks for a person`;
    case 'sentiment.negative':
      return `${who} sounds upset`;
    case 'reply.overdue':
      return `${who} has waited ${minutes ?? 'a few'} minutes without an agent's reply`;
    default:
      return `${ALERT_EVENT_LABELS[job.event as keyof typeof ALERT_EVENT_LABELS]}: ${who}`;
  }
}

function minutesWaiting(job: AlertJob): number | null {
  if (!job.waitingSince) return null;
  return Math.max(1, Math.round((Date.now() - Date.parse(job.waitingSince)) / 60_000));
}

function customerLabel(name: string | null, email: string | null): string {
  if (name && email) return `${name} (${email})`;
  return name ?? email ?? 'A visitor';
}

async function ticketContent(
  tx: TenantDb,
  tenantId: TenantId,
  job: AlertJob,
  dashboardUrl: string,
): Promise<AlertContent | null> {
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
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, job.ticketId!)));
  if (!ticket) return null;
  const who = customerLabel(ticket.customerName, ticket.customerEmail);
  const headline =
    job.event === 'ticket.created'
      ? `New ticket #${ticket.number} from ${who}: ${ticket.subject}`
      : `${headlineOf(job, who, minutesWaiting(job))} (ticket #${ticket.number})`;
  return {
    headline,
    detail: (await customerMessageOf(tx, tenantId, ticket)) ?? null,
    link: `${dashboardUrl}/tickets/${ticket.id}`,
    linkLabel: `Open ticket #${ticket.number}`,
  };
}

async function conversationContent(
  tx: TenantDb,
  tenantId: TenantId,
  job: AlertJob,
  dashboardUrl: string,
): Promise<AlertContent | null> {
  const [conversation] = await tx
    .select({ name: conversations.customerName, email: conversations.customerEmail })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, job.conversationId!)));
  if (!conversation) return null;
  const [latest] = await tx
    .select({ content: messages.content })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, job.conversationId!),
        eq(messages.role, 'visitor'),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);
  return {
    headline: headlineOf(
      job,
      customerLabel(conversation.name, conversation.email),
      minutesWaiting(job),
    ),
    detail: latest?.content ?? null,
    link: `${dashboardUrl}/inbox?conversation=${job.conversationId}`,
    linkLabel: 'Open the conversation',
  };
}

/** An overdue check is void once a person answered after the customer began waiting, or it closed. */
async function answeredSince(tx: TenantDb, tenantId: TenantId, job: AlertJob): Promise<boolean> {
  const since = new Date(job.waitingSince ?? 0);
  let conversationId = job.conversationId ?? null;
  if (job.ticketId) {
    const [ticket] = await tx
      .select({ status: tickets.status, conversationId: tickets.conversationId })
      .from(tickets)
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, job.ticketId)));
    if (!ticket || ticket.status !== 'open') return true;
    conversationId = ticket.conversationId;
  }
  if (!conversationId) return false;
  const [conversation] = await tx
    .select({
      status: conversations.status,
      agentReplies: sql<number>`(select count(*)::int from ${messages} where ${and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        eq(messages.role, 'agent'),
        gt(messages.createdAt, since),
      )})`,
    })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
  return !conversation || conversation.status === 'resolved' || conversation.agentReplies > 0;
}

async function testContent(tx: TenantDb, tenantId: TenantId): Promise<AlertContent> {
  const [tenant] = await tx
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return {
    headline: `Test alert from Replyline for ${tenant?.name ?? 'your workspace'}`,
    detail: 'This channel is set up: the alerts you chose will arrive here.',
    link: null,
    linkLabel: '',
  };
}
