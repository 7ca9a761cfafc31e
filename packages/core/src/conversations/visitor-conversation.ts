import {
  runPrepared,
  schema,
  withTenant,
  type Database,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { VisitorContext } from '@replyline/ai';
import { readState, type ConversationState } from './read-conversation';

const { conversations } = schema;

/** Who asks for their conversation: the browser's visitor id and, when signed, the user. */
export interface ConversationOwner {
  visitorId: string;
  /** 'user:<id>' or 'email:<lower-cased email>' from a verified identity; null when anonymous. */
  identityKey: string | null;
}

/** A conversation that is not stored yet: the row is written with the first message. */
export interface ConversationDraft extends ConversationOwner {
  id: string;
  origin?: string;
  /** Signed claims only (see apps/api identity): never what the page sent beside them. */
  context?: VisitorContext;
  customerEmail?: string;
  customerName?: string;
}

/**
 * The owner's latest unresolved conversation. An identified conversation belongs to its signed
 * user, whatever browser they use, and never to the visitor id alone; an anonymous visitor id
 * finds only anonymous conversations.
 */
export async function findResumableConversation(
  db: Database,
  tenantId: TenantId,
  owner: ConversationOwner,
): Promise<string | null> {
  const [open] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(
          eq(conversations.tenantId, tenantId),
          owner.identityKey
            ? eq(conversations.identityKey, owner.identityKey)
            : and(
                eq(conversations.visitorId, owner.visitorId),
                isNull(conversations.identityKey),
                // Rows from before identity keys: only identified visitors had a context then.
                sql`${conversations.metadata} -> 'context' is null`,
              ),
          ne(conversations.status, 'resolved'),
        ),
      )
      .orderBy(desc(conversations.lastMessageAt))
      .limit(1),
  );
  return open?.id ?? null;
}

/**
 * Writes the conversation row of a draft unless it is there already (a second first message
 * racing the first one). Returns true when this call created it.
 */
export async function createConversation(
  db: Database,
  tenantId: TenantId,
  draft: ConversationDraft,
): Promise<boolean> {
  return withTenant(db, tenantId, (tx) => insertConversation(tx, tenantId, draft));
}

/** `createConversation` in the caller's transaction. */
export async function insertConversation(
  tx: TenantDb,
  tenantId: TenantId,
  draft: ConversationDraft,
): Promise<boolean> {
  // Sent when called, not when awaited: a caller may send the conversation's first message
  // right behind it, and the connection runs statements in the order they were sent.
  const created = await runPrepared(
    tx
      .insert(conversations)
      .values({
        tenantId,
        id: draft.id,
        visitorId: draft.visitorId,
        identityKey: draft.identityKey,
        customerEmail: draft.customerEmail,
        customerName: draft.customerName,
        metadata: { context: draft.context, origin: draft.origin },
      })
      .onConflictDoNothing()
      .returning({ id: conversations.id }),
    'insert_conversation',
  );
  return created.length > 0;
}

/** A returning identified visitor: their freshly signed claims replace the stored ones. */
export async function replaceVisitorContext(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  context: VisitorContext,
): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select({ metadata: conversations.metadata })
      .from(conversations)
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    if (!row) return;
    await tx
      .update(conversations)
      .set({ metadata: { ...row.metadata, context } })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
  });
}

/**
 * The conversation, written now from its draft's seed when it was not stored at start
 * (conversations are stored with their first message, or an escalation). Null when it does
 * not exist and there is no seed to make it from. One transaction.
 */
export async function ensureConversation(
  db: Database,
  tenantId: TenantId,
  conversation: ConversationOwner & {
    id: string;
    seed?: Omit<ConversationDraft, 'id' | keyof ConversationOwner>;
  },
): Promise<ConversationState | null> {
  return withTenant(db, tenantId, async (tx) => {
    const state = await readState(tx, tenantId, conversation.id);
    if (state || !conversation.seed) return state;
    await insertConversation(tx, tenantId, {
      id: conversation.id,
      visitorId: conversation.visitorId,
      identityKey: conversation.identityKey,
      ...conversation.seed,
    });
    return readState(tx, tenantId, conversation.id);
  });
}
