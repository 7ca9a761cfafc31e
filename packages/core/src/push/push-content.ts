import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { and, desc, eq } from 'drizzle-orm';
import type { PushJob } from './push-job';

const { conversations, messages, tickets } = schema;

/** What the service worker shows: the notification and where a tap opens the dashboard. */
export interface PushContent {
  title: string;
  body: string;
  /** A dashboard path (never another origin). */
  url: string;
  /** Notifications with the same tag replace each other: one per conversation or ticket. */
  tag: string;
}

/** A preview fits a lock screen; the whole message is one tap away. */
const PREVIEW_CHARS = 120;

/** The words of a push, read from the row now; null when it is gone (erased, deleted). */
export async function pushContent(
  tx: TenantDb,
  tenantId: TenantId,
  job: PushJob,
): Promise<PushContent | null> {
  if (job.kind === 'ticket.assigned') return ticketContent(tx, tenantId, job.ticketId);
  return chatContent(tx, tenantId, job);
}

async function ticketContent(tx: TenantDb, tenantId: TenantId, ticketId?: string) {
  if (!ticketId) return null;
  const [ticket] = await tx
    .select({ number: tickets.number, subject: tickets.subject, name: tickets.customerName })
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
  if (!ticket) return null;
  return {
    title: `Ticket #${ticket.number} assigned to you`,
    body: preview(ticket.name ? `${ticket.name}: ${ticket.subject}` : ticket.subject),
    url: `/tickets/${ticketId}`,
    tag: `ticket-${ticketId}`,
  };
}

async function chatContent(tx: TenantDb, tenantId: TenantId, job: PushJob) {
  const conversationId = job.conversationId;
  if (!conversationId) return null;
  const [chat] = await tx
    .select({ name: conversations.customerName, assignedUserId: conversations.assignedUserId })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
  if (!chat) return null;
  // A new chat someone took before the push went out is no longer news for everyone.
  if (job.kind === 'chat.started' && chat.assignedUserId) return null;
  const [latest] = await tx
    .select({ content: messages.content })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        eq(messages.role, 'visitor'),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const who = chat.name ?? 'A visitor';
  return {
    title: job.kind === 'chat.started' ? 'New chat' : 'Chat assigned to you',
    body: preview(latest ? `${who}: ${latest.content}` : who),
    url: `/inbox?conversation=${conversationId}`,
    tag: `chat-${conversationId}`,
  };
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}
