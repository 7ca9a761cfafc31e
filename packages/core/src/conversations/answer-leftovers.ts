import { answerTurn, readTurn, type ChatModel } from '@replyline/ai';
import { checkReplyQuota } from '@replyline/billing';
import {
  asTenantId,
  QUEUES,
  schema,
  withTenant,
  type Database,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import type { Embedder } from '@replyline/rag';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { loadTurnContext, storeAssistantMessage } from './conversation-store';
import { handoffLineOf } from './handoff';
import { planStoredTurn } from './visitor-turn';

const { conversations, messages } = schema;

/** The queue job `handBackToBot` sends: ids only, everything else is read when it runs. */
export interface LeftoverJob {
  tenantId: string;
  conversationId: string;
}

interface ThreadRow {
  role: 'visitor' | 'assistant' | 'agent' | 'note' | 'system';
  content: string;
  tags: string[];
}

/**
 * What the customer wrote while the bot was quiet that nobody answered: the visitor messages
 * just before the latest "back with the assistant" line, after the last answer (the bot's or
 * a person's). The request for a person itself is not a question for the bot. Empty when the
 * bot has answered since the hand-back, so the leftovers are answered once.
 */
export function leftoverQuestions(thread: readonly ThreadRow[]): string[] {
  const back = thread.findLastIndex(
    (row) => row.role === 'system' && handoffLineOf(row.tags) === 'bot_back',
  );
  if (back < 0) return [];
  if (thread.slice(back + 1).some((row) => row.role === 'assistant')) return [];
  const questions: string[] = [];
  for (let i = back - 1; i >= 0; i--) {
    const row = thread[i]!;
    if (row.role === 'assistant' || row.role === 'agent') break;
    if (row.role === 'visitor' && !row.tags.includes('human_requested'))
      questions.unshift(row.content);
  }
  return questions;
}

export interface LeftoverOptions {
  model: ChatModel;
  fallbackModel?: ChatModel;
  embedder?: Embedder | null;
}

/**
 * After a hand-back, the bot answers the customer's unanswered messages in one reply (stored
 * and metered like any answer, so the open widget shows it through the realtime signal).
 * Nothing when there are none, when it answered already, when a person took the conversation
 * again, or when the plan's replies are used up (checked like any answer's, before the model
 * is asked; the questions stay in the inbox for a person).
 */
export async function answerLeftovers(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  options: LeftoverOptions,
): Promise<{ messageId: string } | null> {
  const questions = await readLeftovers(db, tenantId, conversationId);
  if (questions.length === 0) return null;
  if (!(await checkReplyQuota(db, tenantId)).allowed) return null;
  const context = await loadTurnContext(db, tenantId, conversationId);
  const turn = context && readTurn(questions.join('\n'), context);
  if (!turn) return null;
  const plan = await planStoredTurn(db, tenantId, turn, options.embedder);
  const answering = answerTurn(turn, plan, options);
  let step = await answering.next();
  while (!step.done) step = await answering.next();
  const outcome = step.value;
  if (outcome.kind !== 'answered') return null;
  // Read again: a person may have taken over, or another run answered, while this one thought.
  if ((await readLeftovers(db, tenantId, conversationId)).length === 0) return null;
  return storeAssistantMessage(db, tenantId, conversationId, outcome.message);
}

async function readLeftovers(db: Database, tenantId: TenantId, conversationId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [conversation] = await tx
      .select({ botPausedAt: conversations.botPausedAt })
      .from(conversations)
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    if (!conversation || conversation.botPausedAt) return [];
    const thread = await tx
      .select({ role: messages.role, content: messages.content, tags: messages.tags })
      .from(messages)
      .where(
        and(
          eq(messages.tenantId, tenantId),
          eq(messages.conversationId, conversationId),
          inArray(messages.role, ['visitor', 'assistant', 'agent', 'system']),
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.id));
    return leftoverQuestions(thread);
  });
}

/** The worker answering hand-backs' leftovers, one job at a time. Returns the worker id. */
export async function startLeftoverWorker(
  queue: PgBoss,
  deps: LeftoverOptions & { db: Database },
): Promise<string> {
  return queue.work<LeftoverJob>(QUEUES.answerLeftovers, { batchSize: 1 }, async (jobs) => {
    for (const job of jobs)
      await answerLeftovers(deps.db, asTenantId(job.data.tenantId), job.data.conversationId, deps);
  });
}
