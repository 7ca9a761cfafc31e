import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface AnthropicRequest {
  path: string;
  apiKey?: string;
  version?: string;
  body: {
    model?: string;
    system?: string;
    max_tokens?: number;
    stream?: boolean;
    tools?: { name: string; description?: string; input_schema: unknown }[];
    tool_choice?: { type: string };
    messages?: { role: string; content: unknown }[];
    [key: string]: unknown;
  };
}

type Scripted<T> = T | ((request: AnthropicRequest) => T);

/** One scripted reply: streamed text, or tool uses ending with stop reason `tool_use`. */
export type AnthropicReply =
  | { kind: 'text'; text: Scripted<string> }
  | { kind: 'tool_use'; uses: Scripted<{ name: string; input: unknown }[]> }
  | { kind: 'error'; status: number; message?: string };

export interface AnthropicStub {
  /** What the SDK's `baseURL` is set to (it appends /v1/messages). */
  baseURL: string;
  apiKey: string;
  requests: AnthropicRequest[];
  queue(...replies: AnthropicReply[]): void;
  setDefault(reply: AnthropicReply): void;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A local server speaking Anthropic's Messages API wire format (POST /v1/messages with
 * `x-api-key`; streamed as `message_start`, `content_block_*`, `message_delta`, `message_stop`
 * server-sent events, tool input as `input_json_delta` pieces), so the official SDK runs
 * against it unchanged.
 */
export async function startAnthropicStub(): Promise<AnthropicStub> {
  const apiKey = 'sk-ant-stub-123456';
  const requests: AnthropicRequest[] = [];
  const pending: AnthropicReply[] = [];
  let fallback: AnthropicReply = { kind: 'text', text: 'Hello from the Claude stub.' };
  const sockets = new Set<Socket>();

  const server = createServer(async (req, res) => {
    const request: AnthropicRequest = {
      path: req.url ?? '',
      // The SDK sends the key as `x-api-key` or, in its newer versions, as a bearer token.
      apiKey:
        (req.headers['x-api-key'] as string | undefined) ??
        req.headers.authorization?.replace(/^Bearer /, ''),
      version: req.headers['anthropic-version'] as string | undefined,
      body: await readJson(req),
    };
    requests.push(request);
    if (request.apiKey !== apiKey) return sendError(res, 401, 'invalid x-api-key');
    if (req.method !== 'POST' || request.path !== '/v1/messages')
      return sendError(res, 404, `Unknown path ${request.path}`);
    const reply = pending.shift() ?? fallback;
    if (reply.kind === 'error') return sendError(res, reply.status, reply.message ?? 'Overloaded');
    streamReply(res, request, reply);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiKey,
    requests,
    queue: (...replies) => void pending.push(...replies),
    setDefault: (reply) => void (fallback = reply),
    reset: () => {
      requests.length = 0;
      pending.length = 0;
      fallback = { kind: 'text', text: 'Hello from the Claude stub.' };
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<AnthropicRequest['body']> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as AnthropicRequest['body'];
}

function sendError(res: ServerResponse, status: number, message: string) {
  const type =
    status === 401 ? 'authentication_error' : status === 529 ? 'overloaded_error' : 'api_error';
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ type: 'error', error: { type, message } }));
}

function streamReply(res: ServerResponse, request: AnthropicRequest, reply: AnthropicReply) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (event: string, data: object) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
  const inputTokens = Math.ceil(JSON.stringify(request.body.messages ?? []).length / 4);
  send('message_start', {
    message: {
      id: 'msg_stub',
      type: 'message',
      role: 'assistant',
      content: [],
      model: request.body.model,
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: 1 },
    },
  });
  let outputTokens = 1;
  let stopReason = 'end_turn';
  if (reply.kind === 'text') {
    const text = typeof reply.text === 'function' ? reply.text(request) : reply.text;
    send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    for (const word of text.match(/\S+\s*|\s+/g) ?? [])
      send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: word } });
    send('content_block_stop', { index: 0 });
    outputTokens = Math.ceil(text.length / 4);
  } else if (reply.kind === 'tool_use') {
    const uses = typeof reply.uses === 'function' ? reply.uses(request) : reply.uses;
    uses.forEach((use, index) => {
      const json = JSON.stringify(use.input);
      const half = Math.floor(json.length / 2);
      send('content_block_start', {
        index,
        content_block: {
          type: 'tool_use',
          id: `toolu_stub_${index + 1}`,
          name: use.name,
          input: {},
        },
      });
      send('content_block_delta', {
        index,
        delta: { type: 'input_json_delta', partial_json: json.slice(0, half) },
      });
      send('content_block_delta', {
        index,
        delta: { type: 'input_json_delta', partial_json: json.slice(half) },
      });
      send('content_block_stop', { index });
    });
    outputTokens = 20;
    stopReason = 'tool_use';
  }
  send('message_delta', {
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: outputTokens },
  });
  send('message_stop', {});
  res.end();
}
