import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantPersona } from '@replyline/db/schema';
import { replyUsageKey } from '@replyline/billing';
import type { StoredTurn } from './memory/conversation-memory';
import {
  createConversation,
  findResumableConversation,
  replaceVisitorContext,
} from './conversations/visitor-conversation';
import type { EscalationReason, MessageSource, TokenUsage, VisitorContext } from './types';

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

export interface TurnContext {
  tenant: {
    name: string;
    language: string;
    siteUrl: string | null;
    allowedOrigins: string[];
    persona: TenantPersona;
    /** The tenant's chat model; null uses the configured default. */
    aiModel: string | null;
  };
  visitorId: string;
  visitorContext: VisitorContext | null;
  /** Oldest first. */
  turns: (StoredTurn & { tags: string[] })[];
}

/** Everything the engine needs to answer the next message, read in one scoped transaction. */
export async function loadTurnContext(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
): Promise<TurnContext | null> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select({
        name: tenants.name,
        language: tenants.language,
        siteUrl: tenants.siteUrl,
        allowedOrigins: tenants.allowedOrigins,
        persona: tenants.persona,
        aiModel: tenants.aiModel,
        visitorId: conversations.visitorId,
        metadata: conversations.metadata,
      })
      .from(conversations)
      .innerJoin(tenants, eq(tenants.id, conversations.tenantId))
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    if (!row) return null;
    const recent = await tx
      .select({ role: messages.role, content: messages.content, tags: messages.tags })
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.conversationId, conversationId)))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(RECENT_TURNS);
    const { visitorId, metadata, ...tenant } = row;
    return { tenant, visitorId, visitorContext: metadata.context ?? null, turns: recent.reverse() };
  });
}

export async function appendVisitorMessage(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  message: { content: string; tags: string[]; language: string },
): Promise<{ messageId: string }> {
  return withTenant(db, tenantId, (tx) =>
    insertMessage(
      tx,
      tenantId,
      conversationId,
      { role: 'visitor', content: message.content, tags: message.tags },
      { language: message.language },
    ),
  );
}

/** Adds one message and marks the conversation as just active, in the caller's transaction. */
async function insertMessage(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
  message: Omit<typeof messages.$inferInsert, 'tenantId' | 'conversationId'>,
  conversationChanges: Partial<typeof conversations.$inferInsert> = {},
): Promise<{ messageId: string }> {
  const [row] = await tx
    .insert(messages)
    .values({ ...message, tenantId, conversationId })
    .returning({ id: messages.id });
  await tx
    .update(conversations)
    .set({ lastMessageAt: sql`now()`, ...conversationChanges })
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
  return { messageId: row!.id };
}

export interface AssistantMessage {
  content: string;
  sources: MessageSource[];
  tags: string[];
  usage: TokenUsage;
  escalation: EscalationReason | null;
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
  return withTenant(db, tenantId, async (tx) => {
    const { messageId } = await insertMessage(tx, tenantId, conversationId, {
      role: 'assistant',
      content: message.content,
      sources: message.sources,
      tags: message.tags,
      usage: message.usage,
    });
    await tx.insert(usageRecords).values({
      tenantId,
      kind: 'ai_reply',
      quantity: 1,
      idempotencyKey: replyUsageKey(messageId),
    });
    if (message.escalation)
      await tx.insert(events).values({
        tenantId,
        conversationId,
        type: 'escalation_suggested',
        data: { reason: message.escalation, messageId },
      });
    return { messageId };
  });
}
