import { inStreamSpan } from '@replyline/db/telemetry';
import { sourcesFor } from '../citations';
import { cleanInput } from '../guardrails/clean-input';
import { detectLanguage } from '../language/detect-language';
import { isoLanguage } from '../language/languages';
import { escalationFor } from '../signals/escalation';
import type { MessageTag } from '../signals/lexicons';
import { tagMessage } from '../signals/tag-message';
import type {
  ChatModel,
  ChatTools,
  EngineEvent,
  EscalationReason,
  MessageCard,
  MessageSource,
  TokenUsage,
  VisitorContext,
} from '../types';
import { answerWithModel, type Answer } from './answer-with-model';
import type { AnswerPlan } from './plan-answer';
import type { TurnContext } from './turn-context';

/** One customer message, read against its conversation: what planning and answering start from. */
export interface Turn {
  /** The message cleaned for storing and answering. */
  question: string;
  tags: MessageTag[];
  /** The language the customer wrote in. */
  language: string;
  /** The language the tenant's knowledge is written in. */
  knowledgeLanguage: string;
  context: TurnContext;
  /** Identified-visitor context sent with this message; the conversation's stored context otherwise. */
  visitorContext?: VisitorContext;
}

/** Reads a customer's message as typed; null when nothing is left of it once cleaned. */
export function readTurn(
  text: string,
  context: TurnContext,
  visitorContext?: VisitorContext,
): Turn | null {
  const question = cleanInput(text);
  if (!question) return null;
  return {
    question,
    tags: tagMessage(question),
    language: detectLanguage(question, context.tenant.language),
    knowledgeLanguage: isoLanguage(context.tenant.language),
    context,
    visitorContext,
  };
}

/** A finished answer as it is to be stored: the caller stores it in one transaction. */
export interface AssistantMessage {
  content: string;
  sources: MessageSource[];
  /** Cards the answer's actions showed; none for an answer from knowledge alone. */
  cards?: MessageCard[];
  tags: string[];
  usage: TokenUsage;
  escalation: EscalationReason | null;
}

export type TurnOutcome =
  | { kind: 'answered'; message: AssistantMessage; escalationSuggested: boolean }
  | { kind: 'failed'; message: string }
  /** The customer went away: nothing is to be stored. */
  | { kind: 'aborted' };

export interface AnswerTurnOptions {
  model: ChatModel;
  /** Answers when `model` is down after its retries, or the visitor is over budget. Default: extractive. */
  fallbackModel?: ChatModel;
  /** Overrides the tenant's own chat model (tenants.ai_model) for this answer. */
  modelName?: string;
  /** The customer went away: stop. */
  signal?: AbortSignal;
  /**
   * Once the first words are shown, the model's text is guarded and passed on in steps this long
   * (default `GUARD_BATCH_MS`); a busy server takes longer steps to serve more answers at once.
   */
  batchIntervalMs?: number;
  /** The tenant's actions, offered to a language model as tools. */
  tools?: ChatTools;
}

/**
 * Answers one planned turn: yields `token`s as the answer streams and returns what it came to
 * (the answer with its sources, tags and suggested escalation). Stores nothing: the caller
 * stores the answer once it is complete.
 */
export function answerTurn(
  turn: Turn,
  plan: AnswerPlan,
  options: AnswerTurnOptions,
): AsyncGenerator<Extract<EngineEvent, { type: 'token' }>, TurnOutcome> {
  const attributes = { 'ai.plan': plan.kind, 'ai.language': turn.language };
  return inStreamSpan('ai.answer_turn', attributes, streamAnswer(turn, plan, options));
}

async function* streamAnswer(
  turn: Turn,
  plan: AnswerPlan,
  options: AnswerTurnOptions,
): AsyncGenerator<Extract<EngineEvent, { type: 'token' }>, TurnOutcome> {
  let answer: Answer;
  if (plan.kind === 'canned') {
    for (const word of plan.text.match(/\s*\S+/g) ?? []) yield { type: 'token', text: word };
    const usage = { inputTokens: 0, outputTokens: 0, model: 'none' };
    answer = { text: plan.text, usage, passages: [], tags: plan.tags, unanswered: plan.unanswered };
  } else {
    const result = yield* answerWithModel(
      { ...options, visitorContext: turn.visitorContext },
      turn.context,
      plan,
      turn,
    );
    if (!result.ok) return { kind: 'failed', message: result.message };
    answer = result.answer;
  }
  if (options.signal?.aborted) return { kind: 'aborted' };

  const lastAnswer = turn.context.turns.findLast((t) => t.role === 'assistant');
  const escalation = escalationFor({
    tags: turn.tags,
    unanswered: answer.unanswered,
    previousUnanswered: lastAnswer?.tags.includes('unanswered') ?? false,
  });
  return {
    kind: 'answered',
    message: {
      content: answer.text,
      sources: sourcesFor(answer.text, answer.passages),
      tags: [...new Set([...turn.tags, ...answer.tags])],
      usage: answer.usage,
      escalation: escalation.reason,
    },
    escalationSuggested: escalation.suggested,
  };
}
