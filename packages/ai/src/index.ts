export {
  answerTurn,
  readTurn,
  type AnswerTurnOptions,
  type AssistantMessage,
  type Turn,
  type TurnOutcome,
} from './engine/answer-turn';
export { cannedPlan, planAnswer, searchTexts, type AnswerPlan } from './engine/plan-answer';
export type { TurnContext } from './engine/turn-context';
export type { KnowledgeSearch } from './retrieval/retrieve-passages';
export type { OpenableSource } from './citations';
export { readAiEnv, type AiEnv } from './env';
export { chatModelFromEnv } from './providers/model-from-env';
export { createOpenAIChatModel, type OpenAIChatModelOptions } from './providers/openai-chat-model';
export {
  createAnthropicChatModel,
  type AnthropicChatModelOptions,
} from './providers/anthropic-chat-model';
export { createExtractiveModel, EXTRACTIVE_MODEL_NAME } from './providers/extractive-model';
export { checkDailyBudget, type BudgetCheck } from './guardrails/daily-budget';
export { cleanInput, MAX_MESSAGE_CHARS } from './guardrails/clean-input';
export { sanitizeMarkdown } from './guardrails/sanitize-markdown';
export { detectLanguage } from './language/detect-language';
export { tagMessage } from './signals/tag-message';
export type { MessageTag } from './signals/lexicons';
export {
  DEFAULT_TOOL_STEPS,
  ModelUnavailableError,
  type ChatTools,
  type MessageCard,
  type ToolDefinition,
  type ChatDelta,
  type ChatMessage,
  type ChatModel,
  type ChatRequest,
  type EngineEvent,
  type EscalationReason,
  type MessageSource,
  type Passage,
  type TokenUsage,
  type VisitorContext,
} from './types';
