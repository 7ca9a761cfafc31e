import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface StubRequest {
  path: string;
  authorization?: string;
  body: {
    model?: string;
    stream?: boolean;
    stream_options?: { include_usage?: boolean };
    max_completion_tokens?: number;
    messages?: { role: string; content: string; tool_call_id?: string }[];
    [key: string]: unknown;
  };
}

type Text = string | ((request: StubRequest) => string);

/** One scripted reply of the stub: what the next chat-completions request gets. */
export type StubReply =
  /** Streams (or returns) the text in word-sized chunks, then usage when asked for. */
  | { kind: 'text'; text: Text; usage?: boolean }
  /** An API error: 4xx/5xx with OpenAI's error body, e.g. 429 with `retry-after`. */
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Accepts the request and never answers (the SDK's timeout must end it). */
  | { kind: 'hang' }
  /** Streams the text, then stays silent with the connection open. */
  | { kind: 'stall'; text: Text }
  /** Streams the text, then cuts the connection mid-stream. */
  | { kind: 'drop'; text: Text }
  /** Streams the text over and over until the client goes away ("repeat forever"). */
  | { kind: 'endless'; text: Text }
  /** Streams tool calls (arguments in two pieces each), finishing with reason `tool_calls`. */
  | { kind: 'tool_calls'; calls: StubToolCall[] | ((request: StubRequest) => StubToolCall[]) };

/** A function call the stub model makes; `arguments` is sent as the model wrote it. */
export interface StubToolCall {
  name: string;
  arguments: string;
}

export interface ChatStub {
  baseURL: string;
  apiKey: string;
  requests: StubRequest[];
  /** Replies for the next requests, in order; then the default. */
  queue(...replies: StubReply[]): void;
  setDefault(reply: StubReply): void;
  /** Forgets recorded requests and queued replies; the default reply becomes a short text again. */
  reset(): void;
  /** How many streams ended because the client hung up before the end. */
  clientDisconnects(): number;
  close(): Promise<void>;
}

/**
 * A local server speaking OpenAI's chat-completions wire format (streamed SSE chunks ending in
 * `data: [DONE]`, the usage chunk, plain JSON, error bodies), scripted per test, so the official
 * SDK runs against it unchanged.
 */
export async function startChatStub(): Promise<ChatStub> {
  const apiKey = 'sk-stub-chat-123456';
  const requests: StubRequest[] = [];
  const pending: StubReply[] = [];
  let fallback: StubReply = { kind: 'text', text: 'Hello from the stub model.' };
  let disconnects = 0;
  const sockets = new Set<Socket>();

  const server = createServer(async (req, res) => {
    const request: StubRequest = {
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: await readJson(req),
    };
    requests.push(request);
    if (request.authorization !== `Bearer ${apiKey}`)
      return sendError(res, 401, 'Incorrect API key provided', {});
    if (req.method !== 'POST' || request.path !== '/v1/chat/completions')
      return sendError(res, 404, `Unknown path ${request.path}`, {});
    const reply = pending.shift() ?? fallback;
    if (reply.kind === 'error')
      return sendError(res, reply.status, reply.message, reply.headers ?? {});
    if (reply.kind === 'hang') return;
    if (reply.kind === 'tool_calls')
      return streamToolCalls(
        res,
        request,
        typeof reply.calls === 'function' ? reply.calls(request) : reply.calls,
      );
    const text = typeof reply.text === 'function' ? reply.text(request) : reply.text;
    if (!request.body.stream) return sendCompletion(res, request, text);
    res.on('close', () => {
      if (!res.writableFinished) disconnects += 1;
    });
    await streamReply(res, request, reply.kind, text, reply.kind === 'text' ? reply.usage : true);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    apiKey,
    requests,
    queue: (...replies) => void pending.push(...replies),
    setDefault: (reply) => void (fallback = reply),
    reset: () => {
      requests.length = 0;
      pending.length = 0;
      fallback = { kind: 'text', text: 'Hello from the stub model.' };
    },
    clientDisconnects: () => disconnects,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<StubRequest['body']> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as StubRequest['body'];
}

function sendError(
  res: ServerResponse,
  status: number,
  message = 'The server had an error',
  headers: Record<string, string>,
) {
  const type =
    status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type, code: null, param: null } }));
}

const usageOf = (request: StubRequest, text: string) => {
  const prompt = Math.ceil(
    (request.body.messages ?? []).map((m) => m.content ?? '').join('\n').length / 4,
  );
  const completion = Math.ceil(text.length / 4);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
};

function sendCompletion(res: ServerResponse, request: StubRequest, text: string) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-stub',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: usageOf(request, text),
    }),
  );
}

async function streamReply(
  res: ServerResponse,
  request: StubRequest,
  kind: 'text' | 'stall' | 'drop' | 'endless',
  text: string,
  usage = true,
) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const base = {
    id: 'chatcmpl-stub',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: request.body.model,
  };
  const send = async (payload: unknown) => {
    if (res.destroyed) return false;
    res.write(`data: ${JSON.stringify(payload)}\n\n`);
    await new Promise((resolve) => setImmediate(resolve));
    return !res.destroyed;
  };
  const delta = (content: string) => ({
    ...base,
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  });
  await send({
    ...base,
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
  });
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  do {
    for (const word of words) if (!(await send(delta(word)))) return;
  } while (kind === 'endless' && !res.destroyed);
  if (kind === 'stall') return;
  if (kind === 'drop') return void res.socket?.destroy();
  await send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  if (usage && request.body.stream_options?.include_usage)
    await send({ ...base, choices: [], usage: usageOf(request, text) });
  res.end('data: [DONE]\n\n');
}

async function streamToolCalls(res: ServerResponse, request: StubRequest, calls: StubToolCall[]) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const base = {
    id: 'chatcmpl-stub-tools',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: request.body.model,
  };
  const send = (delta: object, finish: string | null = null) =>
    res.write(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  send({ role: 'assistant', content: null });
  calls.forEach((call, index) => {
    const half = Math.floor(call.arguments.length / 2);
    send({
      tool_calls: [
        {
          index,
          id: `call_${index + 1}`,
          type: 'function',
          function: { name: call.name, arguments: call.arguments.slice(0, half) },
        },
      ],
    });
    send({ tool_calls: [{ index, function: { arguments: call.arguments.slice(half) } }] });
  });
  send({}, 'tool_calls');
  if (request.body.stream_options?.include_usage)
    res.write(`data: ${JSON.stringify({ ...base, choices: [], usage: usageOf(request, '') })}\n\n`);
  res.end('data: [DONE]\n\n');
}
