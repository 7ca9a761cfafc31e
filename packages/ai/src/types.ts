import type { MessageCard, MessageSource, TokenUsage, VisitorContext } from '@replyline/db/schema';

export type { MessageCard, MessageSource, TokenUsage, VisitorContext };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A retrieved passage as the answerer sees it; `id` is what answers cite as `[id]`. */
export interface Passage {
  id: number;
  chunkId: string;
  documentId: string;
  title: string;
  kind: 'pdf' | 'text' | 'markdown' | 'faq';
  page: number | null;
  heading: string | null;
  content: string;
  score: number;
  /** Cosine similarity to the question, when vector search found the passage. */
  vectorScore?: number | null;
}

export interface ChatRequest {
  /** The full prompt, for language models. */
  messages: ChatMessage[];
  /** The customer's message after cleaning, for answerers that work on the question itself. */
  question: string;
  passages: Passage[];
  /** ISO 639-1 code of the language to answer in. */
  language: string;
  /** The tenant's language (what its passages are written in), ISO 639-1. */
  knowledgeLanguage: string;
  maxOutputTokens: number;
  /** Per-tenant model override; the provider's default otherwise. */
  model?: string;
  /** The tenant's actions a language model may call (see `ChatTools`); absent: none. */
  tools?: ChatTools;
}

/** One tool as a model is told of it: a name, what it does, its parameters' JSON schema. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/**
 * Tools for one answer. Providers run their own tool-calling loop: they call `run` for each
 * call the model makes and send its text back to the model, for at most `maxSteps` rounds.
 * `run` never throws: a refusal is a result the model reads (and the caller keeps its cards).
 */
export interface ChatTools {
  definitions: ToolDefinition[];
  run(name: string, args: unknown): Promise<string>;
  maxSteps?: number;
}

/** Rounds of tool calls in one answer when the caller does not say. */
export const DEFAULT_TOOL_STEPS = 3;

export type ChatDelta = { type: 'text'; text: string } | { type: 'usage'; usage: TokenUsage };

/** One chat provider: streams text, then reports what it used. */
export interface ChatModel {
  name: string;
  /** Extractive answerers never see the prompt, so prompt-level rules do not apply to them. */
  kind: 'language-model' | 'extractive';
  stream(request: ChatRequest, signal?: AbortSignal): AsyncIterable<ChatDelta>;
}

/** A provider that could not answer after its retries; the engine falls back when it sees one. */
export class ModelUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'ModelUnavailableError';
  }
}

export type EscalationReason =
  'human_requested' | 'repeated_failure' | 'negative_sentiment' | 'low_confidence';

export type EngineEvent =
  | { type: 'token'; text: string }
  | { type: 'sources'; sources: MessageSource[] }
  /** What the answer's actions showed (order status, a confirm request), before `done`. */
  | { type: 'cards'; cards: MessageCard[] }
  | {
      type: 'done';
      messageId: string;
      escalationSuggested: boolean;
      reason: EscalationReason | null;
      tags: string[];
      usage: TokenUsage;
      language: string;
    }
  | { type: 'error'; message: string };
