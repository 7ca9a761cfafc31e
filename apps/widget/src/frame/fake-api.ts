// Test helper (imported by *.test.ts only): an in-memory stand-in for the widget API that
// records every request and answers with real Response objects, SSE bodies included.

import type { Message } from './api';

export interface Call {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Reply = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function apiError(status: number, code: string, message: string): Response {
  return json({ error: { code, message, requestId: 'req_1' } }, status);
}

/** An event-stream response whose events the test pushes one by one. */
export function sseStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  const raw = (text: string) => controller.enqueue(encoder.encode(text));
  return {
    response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    raw,
    send: (event: string, data: unknown) =>
      raw(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    close: () => controller.close(),
  };
}

export function message(
  fields: Partial<Message> & Pick<Message, 'id' | 'role' | 'content'>,
): Message {
  return {
    sources: [],
    feedback: null,
    authorName: null,
    authorAvatarUrl: null,
    handoff: null,
    cards: [],
    createdAt: '2025-01-01T00:00:00Z',
    ...fields,
  };
}

export function fakeApi() {
  const calls: Call[] = [];
  const routes: { method: string; path: RegExp; reply: Reply }[] = [];
  const events: ReturnType<typeof sseStream>[] = [];
  const on = (method: string, path: RegExp, reply: Reply) => {
    routes.unshift({ method, path, reply }); // the latest registration wins
  };
  on('POST', /^\/v1\/conversations$/, () =>
    json({
      conversationId: 'c1',
      token: 'tok_1',
      resumed: false,
      status: 'open',
      botPaused: false,
      handoff: 'bot',
      agent: null,
      identified: false,
      messages: [],
    }),
  );
  on('GET', /\/events$/, () => {
    const stream = sseStream();
    events.push(stream);
    return stream.response;
  });
  on('GET', /\/messages$/, () => json({ messages: [] }));

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method || 'GET').toUpperCase();
    const path = String(input);
    const call: Call = {
      method,
      path,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const route = routes.find((r) => r.method === method && r.path.test(path));
    return route ? route.reply(call) : apiError(404, 'not_found', 'No such route.');
  };

  return {
    fetch,
    calls,
    events,
    on,
    /** Requests to a path (method optional), in order. */
    requests: (path: RegExp, method?: string) =>
      calls.filter((c) => path.test(c.path) && (!method || c.method === method)),
  };
}
