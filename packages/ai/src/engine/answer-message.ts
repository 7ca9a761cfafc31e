import type { Database, TenantId } from '@replyline/db';
import type { Embedder } from '@replyline/rag';
import { sourcesFor } from '../citations';
import {
  appendVisitorMessage,
  loadTurnContext,
  storeAssistantMessage,
} from '../conversation-store';
import { cleanInput } from '../guardrails/clean-input';
import { detectLanguage } from '../language/detect-language';
import { isoLanguage } from '../language/languages';
import { escalationFor } from '../signals/escalation';
import { tagMessage } from '../signals/tag-message';
import { visitorTokensToday } from '../visitor-usage';
import type { ChatModel, EngineEvent, VisitorContext } from '../types';
import { answerWithModel, type Answer } from './answer-with-model';
import { planAnswer } from './plan-answer';

export interface AnswerMessageInput {
  db: Database;
  tenantId: TenantId;
  conversationId: string;
  /** The customer's message as typed. */
  text: string;
  /** Identified-visitor context sent with this message; the conversation's stored context otherwise. */
  visitorContext?: VisitorContext;
  model: ChatModel;
  /** Answers when `model` is down after its retries, or the visitor is over budget. Default: extractive. */
  fallbackModel?: ChatModel;
  /** Overrides the tenant's own chat model (tenants.ai_model) for this answer. */
  modelName?: string;
  embedder?: Embedder | null;
  /** Model tokens one visitor may use per day; past it, the fallback answers. Unset: no limit. */
  dailyTokenLimit?: number;
  /** The customer went away: stop, and store no answer. */
  signal?: AbortSignal;
  /** Told the stored id of the customer's message before the answer starts (the API echoes it). */
  onVisitorMessage?: (message: { messageId: string }) => void;
}

/**
 * Answers one customer message: `token` events as the answer streams, then `sources`, then
 * `done` once the answer is stored (or a single `error`). The customer's message is stored
 * first; the answer only when it is complete, in one transaction. A consumer that stops
 * reading (the customer left) leaves no answer behind.
 */
export async function* answerMessage(input: AnswerMessageInput): AsyncGenerator<EngineEvent> {
  const question = cleanInput(input.text);
  if (!question) return yield { type: 'error', message: 'The message is empty.' };
  const context = await loadTurnContext(input.db, input.tenantId, input.conversationId);
  if (!context) return yield { type: 'error', message: 'This conversation does not exist.' };

  const knowledgeLanguage = isoLanguage(context.tenant.language);
  const language = detectLanguage(question, context.tenant.language);
  const tags = tagMessage(question);
  const lastAnswer = context.turns.findLast((turn) => turn.role === 'assistant');
  const stored = await appendVisitorMessage(input.db, input.tenantId, input.conversationId, {
    content: question,
    tags,
    language,
  });
  input.onVisitorMessage?.(stored);

  const metered = input.model.kind === 'language-model' && input.dailyTokenLimit !== undefined;
  const used = metered ? await visitorTokensToday(input.db, input.tenantId, context.visitorId) : 0;
  const plan = await planAnswer({
    ...input,
    question,
    tags,
    language,
    knowledgeLanguage,
    context,
    budget: metered ? { used, limit: input.dailyTokenLimit! } : null,
  });

  let answer: Answer;
  if (plan.kind === 'canned') {
    for (const word of plan.text.match(/\s*\S+/g) ?? []) yield { type: 'token', text: word };
    const usage = { inputTokens: 0, outputTokens: 0, model: 'none' };
    answer = { text: plan.text, usage, passages: [], tags: plan.tags, unanswered: plan.unanswered };
  } else {
    const result = yield* answerWithModel(input, context, plan, {
      question,
      language,
      knowledgeLanguage,
    });
    if (!result.ok) return yield { type: 'error', message: result.message };
    answer = result.answer;
  }
  if (input.signal?.aborted) return;

  const escalation = escalationFor({
    tags,
    unanswered: answer.unanswered,
    previousUnanswered: lastAnswer?.tags.includes('unanswered') ?? false,
  });
  const allTags = [...new Set([...tags, ...answer.tags])];
  const sources = sourcesFor(answer.text, answer.passages);
  const { messageId } = await storeAssistantMessage(
    input.db,
    input.tenantId,
    input.conversationId,
    {
      content: answer.text,
      sources,
      tags: allTags,
      usage: answer.usage,
      escalation: escalation.reason,
    },
  );
  yield { type: 'sources', sources };
  yield {
    type: 'done',
    messageId,
    escalationSuggested: escalation.suggested,
    reason: escalation.reason,
    tags: allTags,
    usage: answer.usage,
    language,
  };
}
