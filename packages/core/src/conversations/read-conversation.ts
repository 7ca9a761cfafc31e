import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { and, arrayContains, asc, eq, inArray, not } from 'drizzle-orm';
import { TEAM_ONLY_TAG } from './email-transcript';
import {
  agentDisplayName,
  handoffLineOf,
  readHandoff,
  type HandoffAgent,
  type HandoffLine,
  type HandoffState,
} from './handoff';
import { sourceOpening, type SourceOpening, type SourceScope } from './source-links';

const { conversations, messages, users } = schema;

export interface ConversationState {
  status: 'open' | 'escalated' | 'resolved';
  botPaused: boolean;
  visitorId: string;
  /** Who answers: the bot, nobody yet (a person was asked for), or a person. */
  handoff: HandoffState;
  /** The person answering, while one is. */
  agent: Omit<HandoffAgent, 'userId'> | null;
}

type CustomerSource = ConversationMessage['sources'][number];

/**
 * A source as the customer sees it: document, page, the `[n]` the answer cites it by, and how
 * it opens (a PDF's viewer link is signed for the conversation of `scope` only).
 */
export function customerSource(
  source: schema.MessageSource,
  index: number,
  scope: SourceScope | null = null,
): CustomerSource {
  return {
    n: source.n ?? index + 1,
    documentId: source.documentId,
    title: source.title,
    page: source.page,
    heading: source.heading,
    ...sourceOpening(source, scope),
  };
}

/** What a customer sees of one message: no usage, tags or chunk ids. */
export interface ConversationMessage {
  id: string;
  role: 'visitor' | 'assistant' | 'agent' | 'system';
  content: string;
  sources: ({
    n: number;
    documentId: string;
    title: string;
    page: number | null;
    heading: string | null;
  } & SourceOpening)[];
  feedback: 1 | -1 | null;
  /** The agent who wrote it (or joined, on a "joined" line); null for the bot and the customer. */
  authorName: string | null;
  authorAvatarUrl: string | null;
  /** On system lines: which hand-off change it announces. */
  handoff: HandoffLine | null;
  /** What the workspace's actions showed under an answer (an order, a booking, a quote…). */
  cards: schema.MessageCard[];
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
  const handoff = await readHandoff(tx, tenantId, conversationId);
  const agent = handoff?.agent
    ? { name: handoff.agent.name, avatarUrl: handoff.agent.avatarUrl }
    : null;
  return {
    status: row.status,
    botPaused: row.botPausedAt !== null,
    visitorId: row.visitorId,
    handoff: handoff?.state ?? 'bot',
    agent,
  };
}

/**
 * The customer-visible messages of a conversation, oldest first (internal notes and the team's
 * own lines never), or only the ones with the given ids (realtime: a signal names the new row).
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
        cards: messages.cards,
        feedback: messages.feedback,
        tags: messages.tags,
        authorName: users.name,
        authorEmail: users.email,
        authorImage: users.image,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorUserId))
      .where(
        and(
          eq(messages.tenantId, tenantId),
          eq(messages.conversationId, conversationId),
          inArray(messages.role, ['visitor', 'assistant', 'agent', 'system']),
          // Lines for the team only ("Transcript emailed to …") stay in the inbox.
          not(arrayContains(messages.tags, [TEAM_ONLY_TAG])),
          only ? inArray(messages.id, only) : undefined,
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.id));
    return rows.map((row) => toCustomerView(row, { tenantId, conversationId }));
  });
}

function toCustomerView(
  row: {
    id: string;
    role: string;
    content: string;
    sources: schema.MessageSource[];
    cards: schema.MessageCard[];
    feedback: number | null;
    tags: string[];
    authorName: string | null;
    authorEmail: string | null;
    authorImage: string | null;
    createdAt: Date;
  },
  scope: SourceScope,
): ConversationMessage {
  const handoff = row.role === 'system' ? handoffLineOf(row.tags) : null;
  // Agents sign their replies; a "joined" line names who joined. Nobody else has an author.
  const authored = row.role === 'agent' || (handoff === 'joined' && row.authorEmail !== null);
  return {
    id: row.id,
    role: row.role as ConversationMessage['role'],
    content: row.content,
    sources: row.sources.map((source, index) => customerSource(source, index, scope)),
    feedback: row.feedback === 1 || row.feedback === -1 ? row.feedback : null,
    authorName: authored
      ? agentDisplayName({ name: row.authorName, email: row.authorEmail })
      : null,
    authorAvatarUrl: authored ? row.authorImage : null,
    handoff,
    cards: row.cards,
    createdAt: row.createdAt.toISOString(),
  };
}
