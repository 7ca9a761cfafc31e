import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { and, asc, eq, inArray } from 'drizzle-orm';

const { conversations, messages, users } = schema;

export interface ConversationState {
  status: 'open' | 'escalated' | 'resolved';
  botPaused: boolean;
  visitorId: string;
}

type CustomerSource = ConversationMessage['sources'][number];

/** A source as the customer sees it: document, page and the `[n]` the answer cites it by. */
export function customerSource(source: schema.MessageSource, index: number): CustomerSource {
  return {
    n: source.n ?? index + 1,
    documentId: source.documentId,
    title: source.title,
    page: source.page,
    heading: source.heading,
  };
}

/** What a customer sees of one message: no usage, tags or chunk ids. */
export interface ConversationMessage {
  id: string;
  role: 'visitor' | 'assistant' | 'agent' | 'system';
  content: string;
  sources: {
    n: number;
    documentId: string;
    title: string;
    page: number | null;
    heading: string | null;
  }[];
  feedback: 1 | -1 | null;
  authorName: string | null;
  createdAt: string;
}

export async function getConversationState(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
): Promise<ConversationState | null> {
  return withTenant(db, tenantId, (tx) => readState(tx, tenantId, conversationId));
}

export async function readState(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
): Promise<ConversationState | null> {
  const [row] = await tx
    .select({
      status: conversations.status,
      botPausedAt: conversations.botPausedAt,
      visitorId: conversations.visitorId,
    })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
  if (!row) return null;
  return { status: row.status, botPaused: row.botPausedAt !== null, visitorId: row.visitorId };
}

/**
 * The customer-visible messages of a conversation, oldest first (internal notes never), or
 * only the ones with the given ids (realtime: a signal names the new row).
 */
export async function listMessages(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  only?: string[],
): Promise<ConversationMessage[]> {
  return withTenant(db, tenantId, async (tx) => {
    const rows = await tx
      .select({
        id: messages.id,
        role: messages.role,
        content: messages.content,
        sources: messages.sources,
        feedback: messages.feedback,
        authorName: users.name,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorUserId))
      .where(
        and(
          eq(messages.tenantId, tenantId),
          eq(messages.conversationId, conversationId),
          inArray(messages.role, ['visitor', 'assistant', 'agent', 'system']),
          only ? inArray(messages.id, only) : undefined,
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.id));
    return rows.map(toCustomerView);
  });
}

function toCustomerView(row: {
  id: string;
  role: string;
  content: string;
  sources: schema.MessageSource[];
  feedback: number | null;
  authorName: string | null;
  createdAt: Date;
}): ConversationMessage {
  return {
    id: row.id,
    role: row.role as ConversationMessage['role'],
    content: row.content,
    sources: row.sources.map(customerSource),
    feedback: row.feedback === 1 || row.feedback === -1 ? row.feedback : null,
    authorName: row.role === 'agent' ? (row.authorName ?? 'Support team') : null,
    createdAt: row.createdAt.toISOString(),
  };
}
