export { startChatStub, type ChatStub, type StubReply, type StubRequest } from './openai-chat-stub';
export {
  echoConversation,
  echoData,
  echoEverything,
  echoLastUserMessage,
  promptText,
  systemPromptOf,
} from './responders';
