export { answerMessage, type AnswerMessageInput } from './engine/answer-message';
export {
  appendVisitorMessage,
  loadTurnContext,
  startConversation,
  storeAssistantMessage,
  type AssistantMessage,
  type TurnContext,
} from './conversation-store';
export { readAiEnv, type AiEnv } from './env';
export { visitorTokensToday } from './visitor-usage';
export { chatModelFromEnv } from './providers/model-from-env';
export { createOpenAIChatModel, type OpenAIChatModelOptions } from './providers/openai-chat-model';
export { createExtractiveModel, EXTRACTIVE_MODEL_NAME } from './providers/extractive-model';
export { checkDailyBudget, type BudgetCheck } from './guardrails/daily-budget';
export { cleanInput, MAX_MESSAGE_CHARS } from './guardrails/clean-input';
export { sanitizeMarkdown } from './guardrails/sanitize-markdown';
export { detectLanguage } from './language/detect-language';
export { tagMessage } from './signals/tag-message';
export type { MessageTag } from './signals/lexicons';
export {
  ModelUnavailableError,
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
export {
  createConversation,
  findResumableConversation,
  replaceVisitorContext,
  type ConversationDraft,
  type ConversationOwner,
} from './conversations/visitor-conversation';
export {
  customerSource,
  getConversationState,
  listMessages,
  type ConversationMessage,
  type ConversationState,
} from './conversations/read-conversation';
export { rateConversation, setMessageFeedback } from './conversations/customer-feedback';
export {
  escalateConversation,
  type EscalationRequest,
} from './conversations/escalate-conversation';
export { handBackToBot, postAgentMessage, takeOverConversation } from './conversations/agent-reply';
export { nextTicketNumber } from './conversations/ticket-number';
