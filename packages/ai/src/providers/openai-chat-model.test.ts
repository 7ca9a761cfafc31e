import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatStub, type ChatStub } from '../testing/openai-chat-stub';
import { stubModel } from '../testing/fixtures';
import { ModelUnavailableError, type ChatDelta, type ChatRequest } from '../types';
import { createOpenAIChatModel } from './openai-chat-model';

let stub: ChatStub;
beforeAll(async () => {
  stub = await startChatStub();
});
afterAll(() => stub?.close());
beforeEach(() => {
  stub.reset();
});

const request: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are a test.' },
    { role: 'user', content: 'Do you move pianos?' },
  ],
  question: 'Do you move pianos?',
  passages: [],
  language: 'en',
  knowledgeLanguage: 'en',
  maxOutputTokens: 321,
};

async function run(model = stubModel(stub), req: ChatRequest = request, signal?: AbortSignal) {
  const deltas: ChatDelta[] = [];
  for await (const delta of model.stream(req, signal)) deltas.push(delta);
  return {
    text: deltas.flatMap((d) => (d.type === 'text' ? [d.text] : [])),
    usage: deltas.find((d) => d.type === 'usage'),
  };
}

describe('OpenAI chat model through the official SDK', () => {
  it('streams the answer in chunks and ends with the usage the server reported', async () => {
    stub.queue({ kind: 'text', text: 'Yes, we move pianos [1].' });
    const { text, usage } = await run();
    expect(text).toEqual(['Yes, ', 'we ', 'move ', 'pianos ', '[1].']);
    expect(usage).toEqual({
      type: 'usage',
      usage: { inputTokens: 9, outputTokens: 6, model: 'gpt-stub' },
    });
  });

  it('asks for a stream with usage, the key, the token cap and the tenant’s model', async () => {
    await run(stubModel(stub), { ...request, model: 'tenant-model-x' });
    expect(stub.requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      authorization: `Bearer ${stub.apiKey}`,
      body: {
        model: 'tenant-model-x',
        stream: true,
        stream_options: { include_usage: true },
        max_completion_tokens: 321,
        messages: request.messages,
      },
    });
  });

  it('estimates usage when a compatible server sends none', async () => {
    stub.queue({ kind: 'text', text: 'Twelve chars', usage: false });
    const { usage } = await run();
    expect(usage).toEqual({
      type: 'usage',
      usage: { inputTokens: 9, outputTokens: 3, model: 'gpt-stub' },
    });
  });

  it('retries a 429 after its retry-after, and a 500, then answers', async () => {
    stub.queue(
      {
        kind: 'error',
        status: 429,
        message: 'Rate limit reached',
        headers: { 'retry-after': '1' },
      },
      { kind: 'error', status: 500 },
      { kind: 'text', text: 'Third time lucky.' },
    );
    const { text } = await run(stubModel(stub, { maxRetries: 2 }));
    expect(text.join('')).toBe('Third time lucky.');
    expect(stub.requests).toHaveLength(3);
  });

  it('gives up after its retries with ModelUnavailableError', async () => {
    stub.queue({ kind: 'error', status: 503 }, { kind: 'error', status: 502 });
    await expect(run(stubModel(stub, { maxRetries: 1 }))).rejects.toThrow(ModelUnavailableError);
    expect(stub.requests).toHaveLength(2);
  });

  it('does not retry a request the server rejects', async () => {
    stub.queue({ kind: 'error', status: 400, message: 'Unsupported parameter' });
    await expect(run(stubModel(stub, { maxRetries: 3 }))).rejects.toThrow(
      /400.*Unsupported parameter/,
    );
    expect(stub.requests).toHaveLength(1);
  });

  it('times out a server that never answers, retrying once', async () => {
    stub.queue({ kind: 'hang' }, { kind: 'hang' });
    const error = await run(stubModel(stub, { maxRetries: 1, timeoutMs: 200 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).cause).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(stub.requests).toHaveLength(2);
  });

  it('ends a stream that goes silent, and one whose connection drops', async () => {
    stub.queue({ kind: 'stall', text: 'Half an ans' });
    await expect(run(stubModel(stub, { idleTimeoutMs: 200 }))).rejects.toThrow(
      'The model sent nothing for 200 ms.',
    );
    stub.queue({ kind: 'drop', text: 'Half an ans' });
    await expect(run()).rejects.toThrow(ModelUnavailableError);
    await expect(run()).resolves.toMatchObject({
      text: ['Hello ', 'from ', 'the ', 'stub ', 'model.'],
    });
  });

  it('stops, and closes the connection, when the caller aborts', async () => {
    stub.queue({ kind: 'endless', text: 'poem ' });
    const controller = new AbortController();
    const seen: ChatDelta[] = [];
    for await (const delta of stubModel(stub).stream(request, controller.signal)) {
      seen.push(delta);
      if (seen.length === 5) controller.abort();
    }
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.some((d) => d.type === 'usage')).toBe(false);
    await expect.poll(() => stub.clientDisconnects()).toBeGreaterThan(0);
  });

  it('uses a given client (the stub also answers non-streaming calls)', async () => {
    const client = new OpenAI({ apiKey: stub.apiKey, baseURL: stub.baseURL, maxRetries: 0 });
    stub.queue({ kind: 'text', text: 'Plain JSON.' });
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]!.message.content).toBe('Plain JSON.');
    expect(completion.usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 3 });
    const model = createOpenAIChatModel({ apiKey: 'unused', model: 'gpt-given', client });
    expect(model).toMatchObject({ name: 'gpt-given', kind: 'language-model' });
    expect((await run(model)).text.join('')).toBe('Hello from the stub model.');
  });
});
