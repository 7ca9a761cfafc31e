import type { AiEnv } from '../env';
import type { ChatModel } from '../types';
import { createExtractiveModel } from './extractive-model';
import { createOpenAIChatModel } from './openai-chat-model';

/** OpenAI (or a compatible server) when a key is configured, otherwise the extractive answerer. */
export function chatModelFromEnv(env: AiEnv): ChatModel {
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
