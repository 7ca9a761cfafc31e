import type { AiEnv } from '../env';
import type { ChatModel } from '../types';
import { createAnthropicChatModel } from './anthropic-chat-model';
import { createExtractiveModel } from './extractive-model';
import { createOpenAIChatModel } from './openai-chat-model';

/**
 * OpenAI (or a compatible server) when its key is configured, Anthropic Claude when only its
 * key is (or AI_PROVIDER says so), otherwise the extractive answerer.
 */
export function chatModelFromEnv(env: AiEnv): ChatModel {
  const useAnthropic =
    env.ANTHROPIC_API_KEY && (env.AI_PROVIDER === 'anthropic' || !env.OPENAI_API_KEY);
  if (useAnthropic)
    return createAnthropicChatModel({
      apiKey: env.ANTHROPIC_API_KEY!,
      baseURL: env.ANTHROPIC_BASE_URL,
      model: env.ANTHROPIC_MODEL,
      maxRetries: env.OPENAI_MAX_RETRIES,
      timeoutMs: env.OPENAI_TIMEOUT_MS,
      idleTimeoutMs: env.OPENAI_IDLE_TIMEOUT_MS,
    });
  if (!env.OPENAI_API_KEY) return createExtractiveModel();
  return createOpenAIChatModel({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    maxRetries: env.OPENAI_MAX_RETRIES,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
    idleTimeoutMs: env.OPENAI_IDLE_TIMEOUT_MS,
  });
}
