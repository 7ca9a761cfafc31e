import OpenAI from 'openai';
import { approximateTokens } from '../memory/conversation-memory';
import { ModelUnavailableError, type ChatDelta, type ChatModel, type ChatRequest } from '../types';

export interface OpenAIChatModelOptions {
  apiKey: string;
  /** Any OpenAI-compatible server: Azure, Ollama, vLLM. */
  baseURL?: string;
  /** Used when a request names no model of its own (a tenant's choice). */
  model: string;
  /** SDK retries for 429 (it honours retry-after), 408/409, 5xx, connection errors and timeouts. */
  maxRetries?: number;
  /** How long one attempt may wait for the response to start. */
  timeoutMs?: number;
  /** The SDK's timeout ends when the response starts; a stream that then goes silent is ours to end. */
  idleTimeoutMs?: number;
  client?: OpenAI;
}

/** Chat completions through the official SDK, streamed, with usage from the final chunk. */
export function createOpenAIChatModel(options: OpenAIChatModelOptions): ChatModel {
  const client =
    options.client ??
    new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 20_000,
    });
  const idleTimeoutMs = options.idleTimeoutMs ?? 15_000;

  async function* stream(request: ChatRequest, signal?: AbortSignal): AsyncIterable<ChatDelta> {
    const model = request.model ?? options.model;
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    let idleFired = false;
    let timer: NodeJS.Timeout | undefined;
    const armIdle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        idleFired = true;
        controller.abort();
      }, idleTimeoutMs);
    };
    let output = '';
    let usage: ChatDelta | null = null;
    let finished = false;
    try {
      const chunks = await client.chat.completions.create(
        {
          model,
          messages: request.messages,
          stream: true,
          stream_options: { include_usage: true },
          max_completion_tokens: request.maxOutputTokens,
          temperature: 0.2,
        },
        { signal: controller.signal },
      );
      armIdle();
      for await (const chunk of chunks) {
        armIdle();
        if (chunk.choices[0]?.finish_reason) finished = true;
        const text = chunk.choices[0]?.delta?.content;
        if (text) {
          output += text;
          yield { type: 'text', text };
        }
        if (chunk.usage) {
          usage = {
            type: 'usage',
            usage: {
              inputTokens: chunk.usage.prompt_tokens,
              outputTokens: chunk.usage.completion_tokens,
              model: chunk.model || model,
            },
          };
        }
      }
      // The SDK ends quietly when a connection is cut or aborted; only a finish reason says the answer is whole.
      if (!finished && !signal?.aborted)
        throw new Error('The stream ended before the answer was complete.');
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ModelUnavailableError(
        idleFired ? `The model sent nothing for ${idleTimeoutMs} ms.` : describe(error),
        error,
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
    if (signal?.aborted) return;
    // Some OpenAI-compatible servers send no usage chunk; meter an estimate rather than nothing.
    yield (
      usage ?? {
        type: 'usage',
        usage: {
          inputTokens: approximateTokens(request.messages.map((m) => m.content).join('\n')),
          outputTokens: approximateTokens(output),
          model,
        },
      }
    );
  }

  return { name: options.model, kind: 'language-model', stream };
}

function describe(error: unknown): string {
  if (error instanceof OpenAI.APIError && error.status)
    return `The model provider answered ${error.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
