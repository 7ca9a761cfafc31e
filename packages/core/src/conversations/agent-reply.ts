import {
  QUEUES,
  schema,
  withTenant,
  type Database,
  type PgBoss,
  type TenantId,
  type UserId,
} from '@replyline/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { insertHandoffLine, joinAsAgent, writtenAfter } from './handoff';
import type { LeftoverJob } from './answer-leftovers';

const { conversations, messages } = schema;

/**
 * A human agent answers in the conversation. The bot pauses from here on (human takeover)
 * until `handBackToBot`; the new row reaches the customer's open widget through the
 * database's realtime signal.
 */
export async function postAgentMessage(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  reply: { authorUserId: UserId | null; content: string },
): Promise<{ messageId: string }> {
  return withTenant(db, tenantId, async (tx) => {
    const joinedAt = reply.authorUserId
      ? await joinAsAgent(tx, tenantId, conversationId, reply.authorUserId)
      : null;
    const [row] = await tx
      .insert(messages)
      .values({
        tenantId,
        conversationId,
        role: 'agent',
        content: reply.content,
        authorUserId: reply.authorUserId,
        // After the "joined" line written in this same transaction.
        createdAt: writtenAfter(joinedAt),
      })
      .returning({ id: messages.id });
    await tx
      .update(conversations)
      .set({
        lastMessageAt: sql`now()`,
        botPausedAt: pausedNowUnlessPaused(),
        assignedUserId: reply.authorUserId ?? sql`${conversations.assignedUserId}`,
      })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    return { messageId: row!.id };
  });
}

/**
 * An agent takes the conversation over before (or without) writing: the bot pauses and the
 * conversation is assigned to them. The widget learns it through the status signal. Returns
 * false when there is no such conversation.
 */
export async function takeOverConversation(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  agentUserId: UserId,
): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    const updated = await tx
      .update(conversations)
      .set({
        botPausedAt: pausedNowUnlessPaused(),
        assignedUserId: agentUserId,
      })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
      .returning({ id: conversations.id });
    if (updated.length === 0) return false;
    await joinAsAgent(tx, tenantId, conversationId, agentUserId);
    return true;
  });
}

/**
 * Ends a takeover (or a wait for a person): the bot answers again, both sides read "back with
 * the assistant", and a job has the bot answer what the customer wrote meanwhile and nobody
 * answered (`answerLeftovers`, once). Returns false when the bot was answering already.
 */
export async function handBackToBot(
  deps: { db: Database; queue: Pick<PgBoss, 'send'> },
  tenantId: TenantId,
  conversationId: string,
): Promise<boolean> {
  const handedBack = await withTenant(deps.db, tenantId, async (tx) => {
    const updated = await tx
      .update(conversations)
      .set({ botPausedAt: null })
      .where(
        and(
          eq(conversations.tenantId, tenantId),
          eq(conversations.id, conversationId),
          isNotNull(conversations.botPausedAt),
        ),
      )
      .returning({ id: conversations.id });
    if (updated.length === 0) return false;
    await insertHandoffLine(tx, tenantId, conversationId, {
      kind: 'bot_back',
      content: 'You’re chatting with our assistant again.',
    });
    return true;
  });
  if (!handedBack) return false;
  const job: LeftoverJob = { tenantId, conversationId };
  await deps.queue.send(QUEUES.answerLeftovers, job, { singletonKey: conversationId });
  return true;
}

/**
 * Keeps the first pause time, else now. The time is the app's, bound as a parameter: Citus
 * refuses a non-immutable function such as now() inside COALESCE in an UPDATE.
 */
function pausedNowUnlessPaused() {
  return sql`coalesce(${conversations.botPausedAt}, ${new Date().toISOString()}::timestamptz)`;
}
