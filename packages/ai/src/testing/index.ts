export {
  startChatStub,
  type ChatStub,
  type StubReply,
  type StubRequest,
  type StubToolCall,
} from './openai-chat-stub';
export { startAnthropicStub, type AnthropicStub, type AnthropicReply } from './anthropic-stub';
export {
  echoConversation,
  echoData,
  echoEverything,
  echoLastUserMessage,
  promptText,
  systemPromptOf,
} from './responders';
export {
  addFaq,
  addPdf,
  addText,
  collect,
  knowledge,
  newTenant,
  storedMessages,
  stubModel,
  type Collected,
} from './fixtures';
export { attackTenants, EVIL_HOST, OTHER_TENANT_PHRASE, tagged } from './attack-tenants';
export { movingTenant } from './knowledge-base';
// Engine internals the end-to-end answer tests (in @replyline/core) check against.
export { MAX_OUTPUT_CHARS } from '../engine/run-model';
export { NO_ANSWER_MARKER } from '../guardrails/no-answer';
export { rot13 } from '../guardrails/injection';
export { leakDetector } from '../guardrails/leak-detector';
export { phrasesFor } from '../language/phrases';
