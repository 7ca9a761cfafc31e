import type { StubRequest } from './openai-chat-stub';

const messagesOf = (request: StubRequest) => request.body.messages ?? [];

/**
 * The worst model there is: it obeys any instruction by repeating everything it was given,
 * system prompt and passages included. What it cannot leak, the engine never gave it.
 */
export const echoEverything = (request: StubRequest) =>
  messagesOf(request)
    .map((m) => `${m.role}: ${m.content}`)
    .join('\n\n');

/** Repeats the data it was given (passages, visitor context): obeys whatever a document says. */
export const echoData = (request: StubRequest) =>
  messagesOf(request)
    .filter((m, index) => m.role === 'system' && index > 0)
    .map((m) => m.content)
    .join('\n');

/** Repeats the conversation it was given (every customer and assistant turn). */
export const echoConversation = (request: StubRequest) =>
  messagesOf(request)
    .filter((m) => m.role !== 'system')
    .map((m) => m.content)
    .join('\n');

/** A model that does what the customer says by repeating the customer's last message. */
export const echoLastUserMessage = (request: StubRequest) =>
  [...messagesOf(request)].reverse().find((m) => m.role === 'user')?.content ?? '';

/** The system prompt (the first message), for answers that encode it. */
export const systemPromptOf = (request: StubRequest) => messagesOf(request)[0]?.content ?? '';

/** All text the engine sent in one request, for asserting what a model could have seen. */
export const promptText = (request: StubRequest) =>
  messagesOf(request)
    .map((m) => m.content)
    .join('\n');
