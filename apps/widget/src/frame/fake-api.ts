// Test helper (imported by *.test.ts only): an in-memory stand-in for the widget API that
// records every request and answers with real Response objects, SSE bodies included; and the
// frame mounted on it, fresh for every test.

import { afterEach, beforeEach, vi } from 'vitest';
import type { Message } from './api';
import { createApp } from './app';
import type { FrameConfig } from './config';

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

/** The answer to `POST /v1/conversations`: a new, open conversation c1 (fields override). */
export function started(fields: Record<string, unknown> = {}) {
  return {
    conversationId: 'c1',
    token: 'tok_1',
    resumed: false,
    status: 'open',
    botPaused: false,
    handoff: 'bot',
    agent: null,
    identified: false,
    messages: [],
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
  on('POST', /^\/v1\/conversations$/, () => json(started()));
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

/** The workspace a test's widget belongs to, as the frame's configuration names it. */
export const TEST_CONFIG: FrameConfig = {
  key: 'pk_test_1',
  hostOrigin: 'https://shop.example.test',
  pageLanguage: null,
  tenant: {
    name: 'Northwind Movers',
    language: 'english',
    assistantName: 'Maja',
    branding: {
      primaryColor: '#0f766e',
      greeting: 'Hi!',
      position: 'bottom-right',
      suggestedQuestions: [],
    },
  },
};

/**
 * The widget frame on a fake API for each test of the calling file: before each test an empty
 * page and storage and a new fake API as `fetch`; after it the app is destroyed. Read `api`,
 * `app` and `mount` inside tests and hooks: they are replaced for every test.
 */
export function useFakeFrame() {
  const frame = {
    api: fakeApi(),
    app: null as ReturnType<typeof createApp> | null,
    mount: document.createElement('div'),
    /** Mounts the app; `parent` is the host page that frames it (null: opened on its own). */
    boot(parent: Window | null = null) {
      frame.mount = document.createElement('div');
      document.body.appendChild(frame.mount);
      frame.app = createApp({
        config: TEST_CONFIG,
        mount: frame.mount,
        win: window,
        parent,
        storage: localStorage,
      });
    },
  };
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
    frame.api = fakeApi();
    vi.stubGlobal('fetch', vi.fn(frame.api.fetch));
  });
  afterEach(() => {
    frame.app?.destroy();
    frame.app = null;
    vi.unstubAllGlobals();
  });
  return frame;
}
