import type { OutputDetector } from '../guardrails/detector';
import { approximateTokens } from '../memory/conversation-memory';
import { ModelUnavailableError, type ChatModel, type ChatRequest, type TokenUsage } from '../types';
import { batchedText } from './batched-text';
import { OutputGuard, type StopReason } from './output-guard';

/**
 * Once the first words are shown, the guard looks at what the model sent in this much time at
 * once rather than token by token (see `batchedText`).
 */
export const GUARD_BATCH_MS = 100;

/** Longest answer a customer gets; a model told to "repeat forever" is cut here. */
export const MAX_OUTPUT_CHARS = 3_000;

export interface GuardSetup {
  sanitize: (segment: string) => string;
  /** Detectors for language-model output (the extractive answerer only quotes the tenant's passages). */
  detectors: OutputDetector[];
}

export interface StreamingOptions {
  /** The customer went away: stop the model. */
  signal?: AbortSignal;
  /** The guard's step once the first words are shown (default `GUARD_BATCH_MS`). */
  batchIntervalMs?: number;
}

export type ModelOutcome =
  | { ok: true; text: string; stopped: StopReason | null; usage: TokenUsage; fellBack: boolean }
  | { ok: false; message: string };

/**
 * Streams the model's answer through the output guard, yielding what may be shown. When the
 * model is unavailable (after the SDK's retries) before anything was shown, the fallback
 * answers instead; after something was shown, the answer is reported as failed (never stored
 * as if complete).
 */
export async function* runModel(
  models: { primary: ChatModel; fallback: ChatModel | null },
  request: ChatRequest,
  guardSetup: GuardSetup,
  streaming: StreamingOptions = {},
): AsyncGenerator<string, ModelOutcome> {
  const first = yield* streamGuarded(models.primary, request, guardSetup, streaming);
  if (first.ok || !models.fallback || first.shown || streaming.signal?.aborted)
    return strip(first, false);
  if (!(first.error instanceof ModelUnavailableError)) return strip(first, false);
  const second = yield* streamGuarded(models.fallback, request, guardSetup, streaming);
  return strip(second, true);
}

type Attempt =
  | { ok: true; text: string; stopped: StopReason | null; usage: TokenUsage; shown: boolean }
  | { ok: false; error: unknown; shown: boolean };

function strip(attempt: Attempt, fellBack: boolean): ModelOutcome {
  if (attempt.ok)
    return {
      ok: true,
      text: attempt.text,
      stopped: attempt.stopped,
      usage: attempt.usage,
      fellBack,
    };
  const error = attempt.error;
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

async function* streamGuarded(
  model: ChatModel,
  request: ChatRequest,
  setup: GuardSetup,
  { signal: outerSignal, batchIntervalMs = GUARD_BATCH_MS }: StreamingOptions,
): AsyncGenerator<string, Attempt> {
  const languageModel = model.kind === 'language-model';
  const guard = new OutputGuard({
    sanitize: setup.sanitize,
    detectors: languageModel ? setup.detectors : [],
    maxChars: MAX_OUTPUT_CHARS,
  });
  const controller = new AbortController();
  const stopModel = () => controller.abort();
  outerSignal?.addEventListener('abort', stopModel, { once: true });
  let usage: TokenUsage | null = null;
  let consumed = '';
  const batches = batchedText(model.stream(request, controller.signal), {
    intervalMs: batchIntervalMs,
    // Until the first words are shown every token counts for the first visible token. The
    // extractive answerer has no detectors to run: its words pass one by one.
    eager: () => !languageModel || guard.text.length === 0,
    onUsage: (reported) => (usage = reported),
  });
  try {
    for await (const text of batches) {
      consumed += text;
      const shown = guard.push(text);
      if (shown) yield shown;
      if (guard.stopped) break;
    }
    if (!guard.stopped) {
      const rest = guard.finish();
      if (rest) yield rest;
    }
  } catch (error) {
    return { ok: false, error, shown: guard.text.length > 0 };
  } finally {
    outerSignal?.removeEventListener('abort', stopModel);
  }
  return {
    ok: true,
    text: guard.text,
    stopped: guard.stopped,
    usage: usage ?? estimatedUsage(model, request, consumed),
    shown: guard.text.length > 0,
  };
}

/** A stream cut short sends no usage; meter what was sent and received. */
function estimatedUsage(model: ChatModel, request: ChatRequest, output: string): TokenUsage {
  if (model.kind === 'extractive')
    return { inputTokens: 0, outputTokens: 0, characters: output.length, model: model.name };
  return {
    inputTokens: approximateTokens(request.messages.map((m) => m.content).join('\n')),
    outputTokens: approximateTokens(output),
    model: request.model ?? model.name,
  };
}
