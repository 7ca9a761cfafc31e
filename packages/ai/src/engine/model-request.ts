import type { TurnContext } from './turn-context';
import { recentTurns, visitorContextBlock } from '../memory/conversation-memory';
import { buildPrompt } from '../prompt/build-prompt';
import { newCanary } from '../prompt/canary';
import type { ChatRequest, Passage, VisitorContext } from '../types';

export const MAX_OUTPUT_TOKENS = 600;
const MAX_ANSWER_WORDS = 180;

export interface ModelRequest {
  chat: ChatRequest;
  /** The instructions and their canary, which the output guard keeps out of answers. */
  systemPrompt: string;
  canary: string;
}

/** The request for one answer: prompt (rules, persona, passages, memory, visitor context) and question. */
export function modelRequest(
  context: TurnContext,
  turn: {
    question: string;
    language: string;
    knowledgeLanguage: string;
    passages: Passage[];
    visitorContext?: VisitorContext;
    modelName?: string;
  },
): ModelRequest {
  const canary = newCanary();
  const { messages, systemPrompt } = buildPrompt({
    tenantName: context.tenant.name,
    persona: context.tenant.persona,
    language: turn.language,
    passages: turn.passages,
    history: recentTurns(context.turns),
    visitorContext: visitorContextBlock(turn.visitorContext ?? context.visitorContext),
    question: turn.question,
    canary,
    maxWords: MAX_ANSWER_WORDS,
  });
  return {
    chat: {
      messages,
      question: turn.question,
      passages: turn.passages,
      language: turn.language,
      knowledgeLanguage: turn.knowledgeLanguage,
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      model: turn.modelName,
    },
    systemPrompt,
    canary,
  };
}
