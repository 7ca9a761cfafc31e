import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicStub, type AnthropicStub } from '../testing/anthropic-stub';
import { startChatStub, type ChatStub } from '../testing/openai-chat-stub';
import type { ChatDelta, ChatModel, ChatRequest, ChatTools } from '../types';
import { createAnthropicChatModel } from './anthropic-chat-model';
import { createOpenAIChatModel } from './openai-chat-model';

// Each provider's own tool-calling loop, through its official SDK, against a local server that
// speaks that provider's streaming wire format.

let openai: ChatStub;
let anthropic: AnthropicStub;
beforeAll(async () => {
  [openai, anthropic] = await Promise.all([startChatStub(), startAnthropicStub()]);
});
afterAll(async () => {
  await Promise.all([openai?.close(), anthropic?.close()]);
});
beforeEach(() => {
  openai.reset();
  anthropic.reset();
});

function recordingTools(maxSteps?: number) {
  const calls: { name: string; args: unknown }[] = [];
  const tools: ChatTools = {
    definitions: [
      {
        name: 'order_status',
        description: 'Looks up an order of the signed-in customer',
        parameters: {
          type: 'object',
          properties: { orderId: { type: 'string' } },
          required: ['orderId'],
          additionalProperties: false,
        },
      },
    ],
    run: async (name, args) => {
      calls.push({ name, args });
      return 'Order 1001: shipped, tracking TRK-77';
    },
    maxSteps,
  };
  return { tools, calls };
}

const request = (tools: ChatTools): ChatRequest => ({
  messages: [
    { role: 'system', content: 'You are the shop assistant.' },
    { role: 'user', content: 'Where is my order 1001?' },
  ],
  question: 'Where is my order 1001?',
  passages: [],
  language: 'en',
  knowledgeLanguage: 'en',
  maxOutputTokens: 300,
  tools,
});

async function collect(model: ChatModel, req: ChatRequest) {
  const deltas: ChatDelta[] = [];
  for await (const delta of model.stream(req)) deltas.push(delta);
  return {
    text: deltas.flatMap((d) => (d.type === 'text' ? [d.text] : [])).join(''),
    usage: deltas.find((d) => d.type === 'usage'),
  };
}

const openaiModel = () =>
  createOpenAIChatModel({
    apiKey: openai.apiKey,
    baseURL: openai.baseURL,
    model: 'gpt-stub',
    maxRetries: 0,
  });
const claudeModel = () =>
  createAnthropicChatModel({
    apiKey: anthropic.apiKey,
    baseURL: anthropic.baseURL,
    model: 'claude-stub',
    maxRetries: 0,
  });

describe('OpenAI tool calling', () => {
  it('runs the streamed call with its arguments and answers with the result in view', async () => {
    openai.queue(
      { kind: 'tool_calls', calls: [{ name: 'order_status', arguments: '{"orderId":"1001"}' }] },
      { kind: 'text', text: 'Your order 1001 has shipped.' },
    );
    const { tools, calls } = recordingTools();
    const { text, usage } = await collect(openaiModel(), request(tools));
    expect(calls).toEqual([{ name: 'order_status', args: { orderId: '1001' } }]);
    expect(text).toBe('Your order 1001 has shipped.');
    expect(openai.requests[0]!.body.tools).toEqual([
      { type: 'function', function: tools.definitions[0] },
    ]);
    const followUp = openai.requests[1]!.body.messages!;
    expect(followUp.at(-2)).toMatchObject({
      role: 'assistant',
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'order_status', arguments: '{"orderId":"1001"}' },
        },
      ],
    });
    expect(followUp.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: 'Order 1001: shipped, tracking TRK-77',
    });
    expect(usage?.type === 'usage' && usage.usage.outputTokens).toBeGreaterThan(0);
  });

  it('stops calling after its step limit and makes the model answer in words', async () => {
    openai.setDefault({
      kind: 'tool_calls',
      calls: [{ name: 'order_status', arguments: '{"orderId":"1001"}' }],
    });
    openai.queue(
      { kind: 'tool_calls', calls: [{ name: 'order_status', arguments: '{"orderId":"1"}' }] },
      { kind: 'tool_calls', calls: [{ name: 'order_status', arguments: '{"orderId":"2"}' }] },
      { kind: 'text', text: 'I could not find it.' },
    );
    const { tools, calls } = recordingTools(2);
    const { text } = await collect(openaiModel(), request(tools));
    expect(calls).toHaveLength(2);
    expect(openai.requests).toHaveLength(3);
    expect(openai.requests[2]!.body.tool_choice).toBe('none');
    expect(text).toBe('I could not find it.');
  });
});

describe('Anthropic tool calling', () => {
  it('runs the streamed tool_use with its input and answers with the tool_result in view', async () => {
    anthropic.queue(
      { kind: 'tool_use', uses: [{ name: 'order_status', input: { orderId: '1001' } }] },
      { kind: 'text', text: 'Your order 1001 has shipped.' },
    );
    const { tools, calls } = recordingTools();
    const { text, usage } = await collect(claudeModel(), request(tools));
    expect(calls).toEqual([{ name: 'order_status', args: { orderId: '1001' } }]);
    expect(text).toBe('Your order 1001 has shipped.');
    const first = anthropic.requests[0]!;
    expect(first.apiKey).toBe(anthropic.apiKey);
    expect(first.version).toBeTruthy();
    expect(first.body.system).toBe('You are the shop assistant.');
    expect(first.body.tools).toEqual([
      {
        name: 'order_status',
        description: tools.definitions[0]!.description,
        input_schema: tools.definitions[0]!.parameters,
      },
    ]);
    const followUp = anthropic.requests[1]!.body.messages!;
    expect(followUp.at(-2)).toEqual({
      role: 'assistant',
      content: [
        { type: 'tool_use', id: 'toolu_stub_1', name: 'order_status', input: { orderId: '1001' } },
      ],
    });
    expect(followUp.at(-1)).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 'toolu_stub_1',
          content: 'Order 1001: shipped, tracking TRK-77',
        },
      ],
    });
    expect(usage).toMatchObject({ type: 'usage', usage: { model: 'claude-stub' } });
  });

  it('stops after its step limit with tool_choice none', async () => {
    anthropic.setDefault({
      kind: 'tool_use',
      uses: [{ name: 'order_status', input: { orderId: '9' } }],
    });
    anthropic.queue(
      { kind: 'tool_use', uses: [{ name: 'order_status', input: { orderId: '1' } }] },
      { kind: 'text', text: 'Sorry.' },
    );
    const { tools, calls } = recordingTools(1);
    const { text } = await collect(claudeModel(), request(tools));
    expect(calls).toHaveLength(1);
    expect(anthropic.requests[1]!.body.tool_choice).toEqual({ type: 'none' });
    expect(text).toBe('Sorry.');
  });
});
