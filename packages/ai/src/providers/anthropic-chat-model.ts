import Anthropic from '@anthropic-ai/sdk';
import { approximateTokens } from '../memory/conversation-memory';
import {
  DEFAULT_TOOL_STEPS,
  ModelUnavailableError,
  type ChatDelta,
  type ChatMessage,
  type ChatModel,
  type ChatRequest,
  type ChatTools,
  type TokenUsage,
} from '../types';

export interface AnthropicChatModelOptions {
  apiKey: string;
  /** A proxy or a compatible server; unset means Anthropic itself. */
  baseURL?: string;
  /** Used when a request names no model of its own (a tenant's choice). */
  model: string;
  /** SDK retries for 429 (it honours retry-after), 408/409, 5xx and connection errors. */
  maxRetries?: number;
  /** How long one attempt may wait for the response to start. */
  timeoutMs?: number;
  /** A started stream that goes silent this long counts as failed. */
  idleTimeoutMs?: number;
  client?: Anthropic;
}

interface Round {
  text: string;
  toolUses: { id: string; name: string; json: string }[];
  usage: TokenUsage;
}

/**
 * Claude through the official SDK (Messages API), streamed, with its own tool-calling loop:
 * `tool_use` blocks are run through `request.tools` and answered with `tool_result` blocks.
 */
export function createAnthropicChatModel(options: AnthropicChatModelOptions): ChatModel {
  const client =
    options.client ??
    new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 20_000,
    });
  const idleTimeoutMs = options.idleTimeoutMs ?? 15_000;

  async function* stream(request: ChatRequest, signal?: AbortSignal): AsyncIterable<ChatDelta> {
    const model = request.model ?? options.model;
    const { system, messages } = anthropicMessages(request.messages);
    const maxSteps = request.tools?.maxSteps ?? DEFAULT_TOOL_STEPS;
    const total = { inputTokens: 0, outputTokens: 0 };
    for (let step = 0; ; step++) {
      const lastRound = step >= maxSteps;
      const round = yield* streamRound(model, system, messages, request, lastRound, signal);
      if (signal?.aborted) return;
      total.inputTokens += round.usage.inputTokens;
      total.outputTokens += round.usage.outputTokens;
      const tools = request.tools;
      if (round.toolUses.length === 0 || !tools || lastRound) break;
      const uses = round.toolUses.map((use) => ({ ...use, input: parseInput(use.json) }));
      messages.push({
        role: 'assistant',
        content: [
          ...(round.text ? [{ type: 'text' as const, text: round.text }] : []),
          ...uses.map((use) => ({
            type: 'tool_use' as const,
            id: use.id,
            name: use.name,
            input: use.input,
          })),
        ],
      });
      const results: Anthropic.ToolResultBlockParam[] = [];
      for (const use of uses)
        results.push({
          type: 'tool_result',
          tool_use_id: use.id,
          content: await tools.run(use.name, use.input),
        });
      messages.push({ role: 'user', content: results });
    }
    yield { type: 'usage', usage: { ...total, model } };
  }

  async function* streamRound(
    model: string,
    system: string,
    messages: Anthropic.MessageParam[],
    request: ChatRequest,
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
    const round: Round = {
      text: '',
      toolUses: [],
      usage: { inputTokens: 0, outputTokens: 0, model },
    };
    const uses = new Map<number, Round['toolUses'][number]>();
    let stopped = false;
    try {
      const events = await client.messages.create(
        {
          model,
          system: system || undefined,
          messages,
          max_tokens: request.maxOutputTokens,
          stream: true,
          ...(request.tools ? toolParams(request.tools, lastRound) : {}),
        },
        { signal: controller.signal },
      );
      armIdle();
      for await (const event of events) {
        armIdle();
        if (event.type === 'message_start') {
          round.usage.inputTokens = event.message.usage.input_tokens;
          round.usage.outputTokens = event.message.usage.output_tokens;
        } else if (
          event.type === 'content_block_start' &&
          event.content_block.type === 'tool_use'
        ) {
          const use = { id: event.content_block.id, name: event.content_block.name, json: '' };
          uses.set(event.index, use);
          round.toolUses.push(use);
        } else if (event.type === 'content_block_delta') {
          if (event.delta.type === 'text_delta') {
            round.text += event.delta.text;
            yield { type: 'text', text: event.delta.text };
          } else if (event.delta.type === 'input_json_delta') {
            const use = uses.get(event.index);
            if (use) use.json += event.delta.partial_json;
          }
        } else if (event.type === 'message_delta') {
          round.usage.outputTokens = event.usage.output_tokens;
        } else if (event.type === 'message_stop') {
          stopped = true;
        }
      }
      if (!stopped && !signal?.aborted)
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
    if (round.usage.inputTokens === 0)
      round.usage.inputTokens = approximateTokens(
        messages.map((m) => JSON.stringify(m.content)).join('\n'),
      );
    return round;
  }

  return { name: options.model, kind: 'language-model', stream };
}

/** The tools, and on the last round a ban on using them, so the model answers in words. */
function toolParams(tools: ChatTools, lastRound: boolean) {
  return {
    tools: tools.definitions.map((tool) => ({
      name: tool.name,
      description: tool.description,
      input_schema: tool.parameters as Anthropic.Tool.InputSchema,
    })),
    tool_choice: lastRound ? ({ type: 'none' } as const) : ({ type: 'auto' } as const),
  };
}

/**
 * The Messages API takes the system prompt apart and wants user and assistant turns to
 * alternate, starting with the user: system messages are joined, neighbours of one role merged.
 */
function anthropicMessages(chat: ChatMessage[]) {
  const system = chat
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const messages: Anthropic.MessageParam[] = [];
  for (const message of chat) {
    if (message.role === 'system') continue;
    const last = messages.at(-1);
    if (last && last.role === message.role)
      last.content = `${String(last.content)}\n\n${message.content}`;
    else messages.push({ role: message.role, content: message.content });
  }
  if (messages[0]?.role !== 'user')
    messages.unshift({ role: 'user', content: '(conversation start)' });
  return { system, messages };
}

/** Input a model wrote that is not JSON reaches the tool as a string, which it refuses. */
function parseInput(json: string): unknown {
  try {
    return json.trim() ? JSON.parse(json) : {};
  } catch {
    return json;
  }
}

function describe(error: unknown): string {
  if (error instanceof Anthropic.APIError && error.status)
    return `The model provider answered ${error.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
