import OpenAI from 'openai';
import { approximateTokens } from '../memory/conversation-memory';
import {
  DEFAULT_TOOL_STEPS,
  ModelUnavailableError,
  type ChatDelta,
  type ChatModel,
  type ChatRequest,
  type ChatTools,
  type TokenUsage,
} from '../types';

interface Round {
  text: string;
  toolCalls: OpenAI.ChatCompletionMessageFunctionToolCall[];
  usage: TokenUsage | null;
}

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
    const messages: OpenAI.ChatCompletionMessageParam[] = [...request.messages];
    const maxSteps = request.tools?.maxSteps ?? DEFAULT_TOOL_STEPS;
    const total = { inputTokens: 0, outputTokens: 0, reported: false, output: '' };
    for (let step = 0; ; step++) {
      // The last round forbids tool calls, so the model has to answer in words.
      const tools = request.tools;
      const lastRound = step >= maxSteps;
      const round = yield* streamRound(model, messages, request, tools, lastRound, signal);
      if (signal?.aborted) return;
      total.output += round.text;
      if (round.usage) {
        total.inputTokens += round.usage.inputTokens;
        total.outputTokens += round.usage.outputTokens;
        total.reported = true;
      }
      if (round.toolCalls.length === 0 || !tools || lastRound) break;
      messages.push({
        role: 'assistant',
        content: round.text || null,
        tool_calls: round.toolCalls,
      });
      for (const call of round.toolCalls)
        messages.push({
          role: 'tool',
          tool_call_id: call.id,
          content: await tools.run(call.function.name, parseArguments(call.function.arguments)),
        });
    }
    // Some OpenAI-compatible servers send no usage chunk; meter an estimate rather than nothing.
    yield {
      type: 'usage',
      usage: total.reported
        ? { inputTokens: total.inputTokens, outputTokens: total.outputTokens, model }
        : {
            inputTokens: approximateTokens(request.messages.map((m) => m.content).join('\n')),
            outputTokens: approximateTokens(total.output),
            model,
          },
    };
  }

  /** One streamed completion: its text as it comes, then the tool calls it asked for. */
  async function* streamRound(
    model: string,
    messages: OpenAI.ChatCompletionMessageParam[],
    request: ChatRequest,
    tools: ChatTools | undefined,
    lastRound: boolean,
    signal?: AbortSignal,
  ): AsyncGenerator<ChatDelta, Round> {
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
    const round: Round = { text: '', toolCalls: [], usage: null };
    let finished = false;
    try {
      const chunks = await client.chat.completions.create(
        {
          model,
          messages,
          stream: true,
          stream_options: { include_usage: true },
          max_completion_tokens: request.maxOutputTokens,
          temperature: 0.2,
          ...(tools
            ? {
                tools: tools.definitions.map(asOpenAITool),
                tool_choice: lastRound ? ('none' as const) : ('auto' as const),
              }
            : {}),
        },
        { signal: controller.signal },
      );
      armIdle();
      for await (const chunk of chunks) {
        armIdle();
        const choice = chunk.choices[0];
        if (choice?.finish_reason) finished = true;
        const text = choice?.delta?.content;
        if (text) {
          round.text += text;
          yield { type: 'text', text };
        }
        for (const part of choice?.delta?.tool_calls ?? []) addToolCallPart(round.toolCalls, part);
        if (chunk.usage)
          round.usage = {
            inputTokens: chunk.usage.prompt_tokens,
            outputTokens: chunk.usage.completion_tokens,
            model: chunk.model || model,
          };
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
    return round;
  }

  return { name: options.model, kind: 'language-model', stream };
}

function describe(error: unknown): string {
  if (error instanceof OpenAI.APIError && error.status)
    return `The model provider answered ${error.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function asOpenAITool(tool: ChatTools['definitions'][number]): OpenAI.ChatCompletionTool {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

/** A streamed tool call comes in pieces by index: the id and name first, the arguments in parts. */
function addToolCallPart(
  calls: OpenAI.ChatCompletionMessageFunctionToolCall[],
  part: OpenAI.ChatCompletionChunk.Choice.Delta.ToolCall,
) {
  const call = (calls[part.index] ??= {
    id: '',
    type: 'function',
    function: { name: '', arguments: '' },
  });
  if (part.id) call.id = part.id;
  if (part.function?.name) call.function.name += part.function.name;
  if (part.function?.arguments) call.function.arguments += part.function.arguments;
}

/** Arguments a model wrote that are not JSON reach the tool as a string, which it refuses. */
function parseArguments(raw: string): unknown {
  try {
    return raw.trim() ? JSON.parse(raw) : {};
  } catch {
    return raw;
  }
}
