import {
  inParallel,
  runPrepared,
  schema,
  withTenant,
  type Database,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { replyUsageKey } from '@replyline/billing';
import type { AssistantMessage, TurnContext, VisitorContext } from '@replyline/ai';
import {
  createConversation,
  findResumableConversation,
  replaceVisitorContext,
} from './visitor-conversation';

const { conversations, events, messages, tenants, usageRecords } = schema;

/** Turns loaded for memory and escalation; the token budget then picks the ones a model sees. */
const RECENT_TURNS = 20;

/**
 * The visitor's latest unresolved conversation, or a new one stored right away (tests, tools).
 * The widget API stores a new conversation only with its first message (see
 * `createConversation`), so opening the chat leaves no empty rows behind.
 */
export async function startConversation(
  db: Database,
  tenantId: TenantId,
  visitor: {
    visitorId: string;
    identityKey?: string | null;
    context?: VisitorContext;
    origin?: string;
  },
): Promise<{ conversationId: string; resumed: boolean }> {
  const owner = { visitorId: visitor.visitorId, identityKey: visitor.identityKey ?? null };
  const open = await findResumableConversation(db, tenantId, owner);
  if (open) {
    if (visitor.context) await replaceVisitorContext(db, tenantId, open, visitor.context);
    return { conversationId: open, resumed: true };
  }
  const id = randomUUID();
  await createConversation(db, tenantId, {
    ...owner,
    id,
    context: visitor.context,
    origin: visitor.origin,
  });
  return { conversationId: id, resumed: false };
}

/** A conversation's row as a turn needs it: who it is for, and whether the bot may answer. */
export interface ConversationRow {
  status: 'open' | 'escalated' | 'resolved';
  botPausedAt: Date | null;
  visitorId: string;
  visitorContext: VisitorContext | null;
}

/**
 * The tenant's settings and, when it is stored, the conversation with its recent turns, in the
 * caller's transaction. Null only when the tenant does not exist.
 */
export async function readTurnRows(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
): Promise<{
  tenant: TurnContext['tenant'];
  conversation: ConversationRow | null;
  turns: TurnContext['turns'];
} | null> {
  // Both reads go out together (one round trip on a server, prepared: see `runPrepared`):
  // messages of a conversation that does not exist are simply none.
  const [[row], recent] = await inParallel([
    runPrepared(
      tx
        .select({
          name: tenants.name,
          language: tenants.language,
          siteUrl: tenants.siteUrl,
          allowedOrigins: tenants.allowedOrigins,
          persona: tenants.persona,
          aiModel: tenants.aiModel,
          status: conversations.status,
          botPausedAt: conversations.botPausedAt,
          visitorId: conversations.visitorId,
          metadata: conversations.metadata,
        })
        .from(tenants)
        .leftJoin(
          conversations,
          and(eq(conversations.tenantId, tenants.id), eq(conversations.id, conversationId)),
        )
        .where(eq(tenants.id, tenantId)),
      'turn_tenant_and_conversation',
    ),
    runPrepared(
      tx
        .select({ role: messages.role, content: messages.content, tags: messages.tags })
        .from(messages)
        .where(and(eq(messages.tenantId, tenantId), eq(messages.conversationId, conversationId)))
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(RECENT_TURNS),
      'turn_recent_messages',
    ),
  ]);
  if (!row) return null;
  const { status, botPausedAt, visitorId, metadata, ...tenant } = row;
  if (status === null || visitorId === null) return { tenant, conversation: null, turns: [] };
  return {
    tenant,
    conversation: { status, botPausedAt, visitorId, visitorContext: metadata?.context ?? null },
    turns: recent.reverse(),
  };
}

/** Everything the engine needs to answer the next message, read in one scoped transaction. */
export async function loadTurnContext(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
): Promise<TurnContext | null> {
  const rows = await withTenant(db, tenantId, (tx) => readTurnRows(tx, tenantId, conversationId));
  if (!rows?.conversation) return null;
  const { visitorId, visitorContext } = rows.conversation;
  return { tenant: rows.tenant, visitorId, visitorContext, turns: rows.turns };
}

export interface VisitorMessage {
  content: string;
  tags: string[];
  language: string;
}

export async function appendVisitorMessage(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  message: VisitorMessage,
): Promise<{ messageId: string }> {
  return withTenant(db, tenantId, (tx) =>
    insertVisitorMessage(tx, tenantId, conversationId, message),
  );
}

export function insertVisitorMessage(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
  message: VisitorMessage,
): Promise<{ messageId: string }> {
  return insertMessage(
    tx,
    tenantId,
    conversationId,
    { role: 'visitor', content: message.content, tags: message.tags },
    { language: message.language },
  );
}

/**
 * Adds one message and marks the conversation as just active, in the caller's transaction. The
 * message's id is chosen here, so both statements (and whatever the caller writes with the id)
 * go out together: one round trip on a server, not one each.
 */
async function insertMessage(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
  message: Omit<typeof messages.$inferInsert, 'tenantId' | 'conversationId' | 'id'>,
  conversationChanges: Partial<typeof conversations.$inferInsert> = {},
  messageId: string = randomUUID(),
): Promise<{ messageId: string }> {
  await inParallel([
    runPrepared(
      tx.insert(messages).values({ ...message, id: messageId, tenantId, conversationId }),
      'insert_message',
    ),
    runPrepared(
      tx
        .update(conversations)
        .set({ lastMessageAt: sql`now()`, ...conversationChanges })
        .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId))),
      'bump_conversation',
    ),
  ]);
  return { messageId };
}

/**
 * Stores a finished answer with its sources, tags and usage, meters it in the usage ledger
 * (one AI reply), bumps the conversation and records a suggested escalation, all in one transaction: either the whole answer is there
 * or none of it. Called only after the stream completed.
 */
export async function storeAssistantMessage(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  message: AssistantMessage,
): Promise<{ messageId: string }> {
  return withTenant(db, tenantId, (tx) =>
    insertAssistantMessage(tx, tenantId, conversationId, message),
  );
}

async function insertAssistantMessage(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
  message: AssistantMessage,
): Promise<{ messageId: string }> {
  // The id is known before anything is written: the message, its usage record and its event
  // are sent together (one round trip on a server), in this order.
  const messageId = randomUUID();
  await inParallel([
    insertMessage(
      tx,
      tenantId,
      conversationId,
      {
        role: 'assistant',
        content: message.content,
        sources: message.sources,
        cards: message.cards ?? [],
        tags: message.tags,
        usage: message.usage,
      },
      {},
      messageId,
    ),
    runPrepared(
      tx.insert(usageRecords).values({
        tenantId,
        kind: 'ai_reply',
        quantity: 1,
        idempotencyKey: replyUsageKey(messageId),
      }),
      'insert_reply_usage',
    ),
    message.escalation
      ? runPrepared(
          tx.insert(events).values({
            tenantId,
            conversationId,
            type: 'escalation_suggested',
            data: { reason: message.escalation, messageId },
          }),
          'insert_escalation_suggested',
        )
      : Promise.resolve(),
  ]);
  return { messageId };
}
