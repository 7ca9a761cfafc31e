import type { TurnContext } from './turn-context';
import { createExtractiveModel } from '../providers/extractive-model';
import type { ChatModel, ChatTools, Passage, TokenUsage, VisitorContext } from '../types';
import { endingFor, isUnanswered } from './endings';
import { guardSetup } from './guard-setup';
import { modelRequest } from './model-request';
import type { AnswerPlan } from './plan-answer';
import { runModel } from './run-model';

export interface Answer {
  text: string;
  usage: TokenUsage;
  /** The passages the answer was built from (its sources); none for a "don't know". */
  passages: Passage[];
  /** What happened to the answer: unanswered, fallback, stopped_leak, … */
  tags: string[];
  unanswered: boolean;
}

interface ModelInput {
  model: ChatModel;
  fallbackModel?: ChatModel;
  modelName?: string;
  visitorContext?: VisitorContext;
  signal?: AbortSignal;
  batchIntervalMs?: number;
  /** The tenant's actions, offered to a language model as tools. */
  tools?: ChatTools;
}

/** Streams a model's answer (or the fallback's) and says what it came to; yields what may be shown. */
export async function* answerWithModel(
  input: ModelInput,
  context: TurnContext,
  plan: Extract<AnswerPlan, { kind: 'model' }>,
  turn: { question: string; language: string; knowledgeLanguage: string },
): AsyncGenerator<
  { type: 'token'; text: string },
  { ok: true; answer: Answer } | { ok: false; message: string }
> {
  const fallback = input.fallbackModel ?? createExtractiveModel();
  const primary = plan.overBudget ? fallback : input.model;
  const request = modelRequest(context, {
    ...turn,
    passages: plan.passages,
    visitorContext: input.visitorContext,
    modelName: input.modelName ?? context.tenant.aiModel ?? undefined,
  });
  const run = runModel(
    { primary, fallback: primary === fallback ? null : fallback },
    input.tools ? { ...request.chat, tools: input.tools } : request.chat,
    guardSetup(context, request),
    { signal: input.signal, batchIntervalMs: input.batchIntervalMs },
  );
  let step = await run.next();
  for (; !step.done; step = await run.next()) yield { type: 'token', text: step.value };
  const outcome = step.value;
  if (!outcome.ok)
    return { ok: false, message: `The answer could not be completed: ${outcome.message}` };

  const ending = endingFor(outcome.stopped, outcome.text, turn.language);
  if (ending) yield { type: 'token', text: ending };
  const unanswered = isUnanswered(outcome.stopped, outcome.text);
  const tags = [
    ...(unanswered ? ['unanswered'] : []),
    ...(outcome.fellBack ? ['fallback'] : []),
    ...(plan.overBudget ? ['daily_limit'] : []),
    ...(outcome.stopped && outcome.stopped !== 'no_answer' ? [`stopped_${outcome.stopped}`] : []),
  ];
  return {
    ok: true,
    answer: {
      text: `${outcome.text}${ending}`.trim(),
      usage: outcome.usage,
      passages: unanswered ? [] : plan.passages,
      tags,
      unanswered,
    },
  };
}
