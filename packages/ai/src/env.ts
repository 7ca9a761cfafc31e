import { parseEnv } from '@replyline/db';
import { z } from 'zod';

const aiEnvSchema = z.object({
  /** Unset: answers come from the extractive answerer over retrieved passages. */
  OPENAI_API_KEY: z.string().min(8).optional(),
  /** Any OpenAI-compatible server (Azure, Ollama, vLLM); unset means OpenAI itself. */
  OPENAI_BASE_URL: z.url().optional(),
  /** The chat model when a tenant has not picked one. */
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Retries of the SDK for 429 (honouring retry-after), 5xx, connection errors and timeouts. */
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** How long to wait for the provider to start answering, per attempt. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** How long a started stream may stay silent before it counts as failed. */
  OPENAI_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Anthropic Claude, used when no OpenAI key is set (or AI_PROVIDER=anthropic). */
  ANTHROPIC_API_KEY: z.string().min(8).optional(),
  /** A proxy or compatible server for the Messages API; unset means Anthropic itself. */
  ANTHROPIC_BASE_URL: z.url().optional(),
  /** The Claude model when a tenant has not picked one. */
  ANTHROPIC_MODEL: z.string().min(1).default('claude-sonnet-4-5'),
  /** Which provider answers when both keys are set; default: OpenAI. */
  AI_PROVIDER: z.enum(['openai', 'anthropic']).optional(),
  /** Model tokens one visitor may use per day (input + output), across conversations. */
  AI_VISITOR_DAILY_TOKENS: z.coerce.number().int().positive().default(50_000),
});

export type AiEnv = z.infer<typeof aiEnvSchema>;

export function readAiEnv(source: NodeJS.ProcessEnv = process.env): AiEnv {
  return parseEnv(aiEnvSchema, source, 'The chat engine');
}
