import { readTurn, type AnswerTurnOptions, type EngineEvent } from '@replyline/ai';
import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import type { Embedder } from '@replyline/rag';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { loadTurnContext } from './conversation-store';
import { answerAndStore, planStoredTurn } from './visitor-turn';

const { conversations, messages } = schema;

/** A stored visitor message the widget asks about again, and the answer stored after it, if any. */
export interface RetriedMessage {
  content: string;
  createdAt: Date;
  answer: { id: string; content: string; sources: schema.MessageSource[] } | null;
  /** A person has taken the conversation over: the bot must not answer. */
  botPaused: boolean;
}

/**
 * Finds a visitor message of this conversation by id, and the bot's answer to it: the first
 * assistant message after it, before the visitor wrote again. Null when there is no such
 * visitor message here (another conversation's id, an agent's message, a made-up id).
 */
export async function findRetriedMessage(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  messageId: string,
): Promise<RetriedMessage | null> {
  return withTenant(db, tenantId, async (tx) => {
    const [conversation] = await tx
      .select({ botPausedAt: conversations.botPausedAt })
      .from(conversations)
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    if (!conversation) return null;
    const thread = await tx
      .select({
        id: messages.id,
        role: messages.role,
        content: messages.content,
        sources: messages.sources,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .where(
        and(
          eq(messages.tenantId, tenantId),
          eq(messages.conversationId, conversationId),
          inArray(messages.role, ['visitor', 'assistant']),
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.id));
    const at = thread.findIndex((row) => row.id === messageId && row.role === 'visitor');
    if (at < 0) return null;
    const after = thread.slice(at + 1);
    const nextQuestion = after.findIndex((row) => row.role === 'visitor');
    const answer = (nextQuestion < 0 ? after : after.slice(0, nextQuestion)).find(
      (row) => row.role === 'assistant',
    );
    return {
      content: thread[at]!.content,
      createdAt: thread[at]!.createdAt,
      answer: answer ? { id: answer.id, content: answer.content, sources: answer.sources } : null,
      botPaused: conversation.botPausedAt !== null,
    };
  });
}

export interface StoredMessageAnswerOptions extends AnswerTurnOptions {
  embedder?: Embedder | null;
}

/**
 * Answers a visitor message that is stored already, without storing it again: what the widget
 * asks for when the answer it was reading broke off (the API process died mid-stream, the
 * connection dropped) after the message was acknowledged. Streams like `answerVisitorTurn`
 * (`token`s, `sources`, `done` once the answer is stored, or one `error`); the caller checks
 * with `findRetriedMessage` first that no answer was stored meanwhile.
 */
export async function* answerStoredMessage(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  question: string,
  options: StoredMessageAnswerOptions,
): AsyncGenerator<EngineEvent> {
  const context = await loadTurnContext(db, tenantId, conversationId);
  // The stored question is the thread's last turn already; the engine adds it as the question.
  const turns = context?.turns ?? [];
  const earlier = turns.at(-1)?.content === question ? turns.slice(0, -1) : turns;
  const turn = context && readTurn(question, { ...context, turns: earlier });
  if (!turn) return yield { type: 'error', message: 'This conversation does not exist.' };
  const plan = await planStoredTurn(db, tenantId, turn, options.embedder);
  yield* answerAndStore(db, { tenantId, conversationId }, turn, plan, options);
}
