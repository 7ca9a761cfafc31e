import { randomUUID } from 'node:crypto';
import { handBackToBot, postAgentMessage } from '@replyline/core';
import { checkReplyQuota, readReplyQuota } from '@replyline/billing';
import { schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from './public/identity';
import type { AppContext } from './router';
import { issueVisitorToken } from './public/visitor-token';
import { parseSse, readEvents } from './testing/sse';
import { shopTenant, startTestApi, SHOP_ORIGIN, type TestApi } from './testing/test-api';

let t: TestDatabase;
let api: TestApi;
let shop: Awaited<ReturnType<typeof shopTenant>>;

interface Started {
  conversationId: string;
  token: string;
  resumed: boolean;
  identified: boolean;
  botPaused: boolean;
  messages: { id: string; role: string; content: string; authorName: string | null }[];
}
interface ErrorBody {
  error: { code: string; message: string };
}

beforeAll(async () => {
  t = await openTestDatabase();
  shop = await shopTenant(t, `shop-${randomUUID().slice(0, 8)}`);
  api = await startTestApi(t);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await t?.close();
});

const visitor = () => `v_${randomUUID().replaceAll('-', '')}`;

function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SHOP_ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
}

async function start(base = api.base, body: Record<string, unknown> = {}) {
  const res = await post(base, '/v1/conversations', {
    key: shop.publishableKey,
    visitorId: visitor(),
    ...body,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Started;
}

/** Earlier AI replies of this month, as the chat engine records them. */
async function fillFreeQuota(tenantId: TenantId, replies: number) {
  await withTenant(t.db, tenantId, (tx) =>
    tx.insert(schema.usageRecords).values(
      Array.from({ length: replies }, (_, i) => ({
        tenantId,
        kind: 'ai_reply' as const,
        quantity: 1,
        idempotencyKey: `reply:earlier-${i}`,
      })),
    ),
  );
}

function send(c: Started, text: string, base = api.base) {
  return post(
    base,
    `/v1/conversations/${c.conversationId}/messages`,
    { text },
    { authorization: `Bearer ${c.token}` },
  );
}

describe('widget config and frame', () => {
  it('gives the launcher its branding on an allowed website, with CORS for that origin only', async () => {
    const res = await fetch(`${api.base}/v1/widget/config?key=${shop.publishableKey}`, {
      headers: { origin: SHOP_ORIGIN },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(await res.json()).toMatchObject({
      name: 'Fjord Outdoor',
      assistantName: 'Ada',
      branding: { primaryColor: '#0f766e' },
    });
  });

  it('refuses a website that is not on the allow-list with a readable reason', async () => {
    const res = await fetch(`${api.base}/v1/widget/config?key=${shop.publishableKey}`, {
      headers: { origin: 'https://evil.example' },
    });
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(403);
    expect(body.error.code).toBe('origin_not_allowed');
    expect(body.error.message).toContain('https://evil.example');
  });

  it('says which key is unknown', async () => {
    const res = await fetch(`${api.base}/v1/widget/config?key=pk_doesnotexist`, {
      headers: { origin: SHOP_ORIGIN },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.code).toBe('unknown_key');
  });

  it('serves the chat frame only to the tenant’s websites (CSP frame-ancestors) with no outside images', async () => {
    const res = await fetch(
      `${api.base}/widget/frame?key=${shop.publishableKey}&host=${encodeURIComponent(SHOP_ORIGIN)}&lang=sv-SE`,
    );
    const csp = res.headers.get('content-security-policy') ?? '';
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(csp).toContain(`frame-ancestors ${SHOP_ORIGIN}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data: https://cdn.shop.example");
    expect(html).toMatch(/<script src="\/widget\/v\/[\w-]{12}\/frame\.js"><\/script>/);
    expect(html).toContain('"pageLanguage":"sv"');
    expect(html).not.toContain('identitySecret');
  });

  it('shows a polite page, not the chat, when the frame is asked for from another website', async () => {
    const res = await fetch(
      `${api.base}/widget/frame?key=${shop.publishableKey}&host=${encodeURIComponent('https://evil.example')}`,
    );
    const html = await res.text();
    expect(res.status).toBe(403);
    expect(html).toContain('data-state="unavailable"');
    expect(html).not.toContain('frame.js');
  });
});

describe('starting a conversation', () => {
  it('refuses a page on a website outside the allow-list', async () => {
    const res = await post(
      api.base,
      '/v1/conversations',
      { key: shop.publishableKey, visitorId: visitor() },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(
      /not enabled on https:\/\/evil\.example/,
    );
  });

  it('accepts the chat iframe (same origin as the API) for an allowed host page only', async () => {
    const own = { origin: api.base };
    const ok = await post(
      api.base,
      '/v1/conversations',
      { key: shop.publishableKey, visitorId: visitor(), hostOrigin: SHOP_ORIGIN },
      own,
    );
    const lying = await post(
      api.base,
      '/v1/conversations',
      { key: shop.publishableKey, visitorId: visitor(), hostOrigin: 'https://evil.example' },
      own,
    );
    expect(ok.status).toBe(200);
    expect(lying.status).toBe(403);
  });

  it('resumes the same visitor’s conversation with its history', async () => {
    const visitorId = visitor();
    const first = await start(api.base, { visitorId });
    await (await send(first, 'How long does delivery take?')).text();
    const again = await start(api.base, { visitorId });
    expect(again.resumed).toBe(true);
    expect(again.conversationId).toBe(first.conversationId);
    expect(again.messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
  });

  it('accepts a correctly signed identity and refuses a forged one', async () => {
    const identity = {
      userId: 'user-42',
      name: 'Kari',
      context: { plan: 'gold', orderIds: ['A-1001'] },
    };
    const good = await start(api.base, {
      identity: { ...identity, signature: signIdentity(shop.identitySecret, identity) },
    });
    expect(good.identified).toBe(true);
    const forged = await post(api.base, '/v1/conversations', {
      key: shop.publishableKey,
      visitorId: visitor(),
      identity: { ...identity, signature: signIdentity('is_guessed-secret', identity) },
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as ErrorBody).error.code).toBe('invalid_identity');
  });

  it('names the problem in a malformed request', async () => {
    const res = await post(api.base, '/v1/conversations', {
      key: shop.publishableKey,
      visitorId: 'x',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toContain('visitorId');
  });
});

describe('sending a message', () => {
  it('streams the answer as tokens, then sources, then done, and stores both messages', async () => {
    const c = await start();
    const res = await send(c, 'How long does delivery take?');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const kinds = events.map((e) => e.event);
    expect(kinds[0]).toBe('visitor_message');
    expect(kinds.filter((k) => k === 'token').length).toBeGreaterThan(1);
    expect(kinds.slice(-2)).toEqual(['sources', 'done']);
    const answer = events
      .filter((e) => e.event === 'token')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    expect(answer).toContain('3 to 5 business days');
    const sources = events.find((e) => e.event === 'sources')!.data as {
      sources: { n: number; title: string }[];
    };
    expect(sources.sources[0]).toMatchObject({ n: 1 });
    const done = events.at(-1)!.data as { messageId: string; escalationSuggested: boolean };
    const history = await fetch(`${api.base}/v1/conversations/${c.conversationId}/messages`, {
      headers: { authorization: `Bearer ${c.token}` },
    });
    const { messages } = (await history.json()) as { messages: { id: string; role: string }[] };
    expect(messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
    expect(messages[1]!.id).toBe(done.messageId);
  });

  it('refuses a token for another conversation, a forged token and an expired one', async () => {
    const a = await start();
    const b = await start();
    const crossed = await send({ ...a, token: b.token }, 'hello');
    expect(crossed.status).toBe(403);
    const forged = await send({ ...a, token: a.token.slice(0, -4) + 'AAAA' }, 'hello');
    expect(forged.status).toBe(401);
    const expired = issueVisitorToken(
      { tenantId: shop.tenantId, conversationId: a.conversationId, visitorId: 'v' },
      Date.now() - 2 * 86_400_000,
    );
    const late = await send({ ...a, token: expired }, 'hello');
    expect(late.status).toBe(401);
    expect(((await late.json()) as ErrorBody).error.code).toBe('token_expired');
  });

  it('refuses empty and oversize messages before anything is stored', async () => {
    const c = await start();
    expect((await send(c, '   ')).status).toBe(400);
    const long = await send(c, 'a'.repeat(5000));
    expect(long.status).toBe(413);
    expect(((await long.json()) as ErrorBody).error.message).toContain('at most');
    const again = await start(api.base, {});
    expect(again.messages).toEqual([]);
  });

  it('answers 402 before calling the model when the plan’s quota is used up', async () => {
    let modelCalls = 0;
    const capped = await startTestApi(t, {
      checkQuota: async () => ({ allowed: false, used: 100, included: 100 }),
      model: {
        name: 'counting',
        kind: 'extractive',
        stream: () => {
          modelCalls++;
          throw new Error('must not be called');
        },
      },
    });
    const c = await start(capped.base);
    const res = await send(c, 'How long does delivery take?', capped.base);
    await capped.close();
    expect(res.status).toBe(402);
    expect(((await res.json()) as ErrorBody).error.code).toBe('quota_exceeded');
    expect(modelCalls).toBe(0);
  });

  it('counts each answer against the free plan and refuses past its cap (real quota)', async () => {
    const free = await shopTenant(t, `free-${randomUUID().slice(0, 8)}`);
    const metered = await startTestApi(t, { checkQuota: (id, tx) => readReplyQuota(tx, id) });
    try {
      const c = await start(metered.base, { key: free.publishableKey });
      const answered = await send(c, 'How long does delivery take?', metered.base);
      expect(answered.status).toBe(200);
      await answered.text();
      const quota = await checkReplyQuota(t.db, free.tenantId);
      expect(quota).toMatchObject({ plan: 'free', used: 1, allowed: true });
      await fillFreeQuota(free.tenantId, quota.included - quota.used);
      const refused = await send(c, 'Can I return a tent?', metered.base);
      expect(refused.status).toBe(402);
      expect(((await refused.json()) as ErrorBody).error.message).toMatch(/person will answer/);
    } finally {
      await metered.close();
    }
  });

  it('keeps the bot quiet while a human has taken over, and answers again after hand-back', async () => {
    const c = await start();
    await (await send(c, 'Hello?')).text(); // the first message stores the conversation
    await postAgentMessage(t.db, shop.tenantId, c.conversationId, {
      authorUserId: null,
      content: 'Hi, Per here.',
    });
    const paused = parseSse(await (await send(c, 'How long does delivery take?')).text());
    expect(paused.map((e) => e.event)).toEqual(['visitor_message', 'done']);
    expect(paused[1]!.data).toMatchObject({ messageId: null, handledByHuman: true });
    await handBackToBot(
      { db: t.db, queue: { send: async () => null } },
      shop.tenantId,
      c.conversationId,
    );
    const answered = parseSse(await (await send(c, 'How long does delivery take?')).text());
    expect(answered.at(-1)!.data).toMatchObject({ handledByHuman: false });
  });
});

describe('upset customers while an agent holds the chat', () => {
  it("still reach the alert hook, with the message's tags and no escalation reason", async () => {
    const signalled: { conversationId: string; tags: readonly string[]; reason: unknown }[] = [];
    const held = await startTestApi(t, {
      onVisitorSignals: async (_tenantId, conversationId, signals) => {
        signalled.push({ conversationId, tags: signals.tags, reason: signals.reason });
      },
    });
    try {
      const c = await start(held.base);
      await (await send(c, 'Hello?', held.base)).text();
      await postAgentMessage(t.db, shop.tenantId, c.conversationId, {
        authorUserId: null,
        content: 'Hi, Per here.',
      });
      signalled.length = 0;
      const upset = 'This is ridiculous, I am furious!!! NOTHING WORKS';
      const paused = parseSse(await (await send(c, upset, held.base)).text());
      expect(paused[1]!.data).toMatchObject({ handledByHuman: true });
      await expect.poll(() => signalled.length).toBe(1);
      expect(signalled[0]).toMatchObject({ conversationId: c.conversationId, reason: null });
      expect(signalled[0]!.tags).toContain('upset');
    } finally {
      await held.close();
    }
  });
});

describe('limits', () => {
  it('answers 429 with retry-after per visitor, per IP and per tenant', async () => {
    const limited = await startTestApi(t, {
      limits: { visitorMessagesPerMinute: 2, ipMessagesPerMinute: 4, tenantMessagesPerMinute: 7 },
    });
    try {
      const one = await start(limited.base);
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await send(one, `hello ${i}`, limited.base)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await send(one, 'again', limited.base);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await refused.json()) as ErrorBody).error.message).toMatch(/too quickly/);

      // Other visitors from the same address: the IP budget (4) runs out next ...
      const ipStatuses = [];
      for (let i = 0; i < 3; i++)
        ipStatuses.push((await send(await start(limited.base), 'hi', limited.base)).status);
      expect(ipStatuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
    // ... and with a generous IP budget, the tenant's (3) does.
    const tenantLimited = await startTestApi(t, {
      limits: { ipMessagesPerMinute: 100, tenantMessagesPerMinute: 3 },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await send(await start(tenantLimited.base), 'hi', tenantLimited.base)).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await tenantLimited.close();
    }
  });

  it('frees a visitor’s streaming slot when the stream is closed', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await startTestApi(t, {
      limits: { streamsPerVisitor: 1 },
      model: {
        name: 'slow',
        kind: 'extractive',
        async *stream(_request, signal) {
          yield { type: 'text', text: 'Delivery takes 3 to 5 business days [1]. ' };
          await Promise.race([
            gate,
            new Promise((resolve) => signal?.addEventListener('abort', resolve)),
          ]);
          yield { type: 'text', text: 'Anything else?' };
          yield { type: 'usage', usage: { inputTokens: 0, outputTokens: 2, model: 'slow' } };
        },
      },
    });
    try {
      const c = await start(slow.base);
      const abort = new AbortController();
      const first = await fetch(`${slow.base}/v1/conversations/${c.conversationId}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: SHOP_ORIGIN,
          authorization: `Bearer ${c.token}`,
        },
        body: JSON.stringify({ text: 'How long does delivery take?' }),
        signal: abort.signal,
      });
      const reader = readEvents(first);
      await reader.next((e) => e.event === 'token');
      const busy = await send(c, 'How long does delivery take?', slow.base);
      expect(busy.status).toBe(429);
      expect(((await busy.json()) as ErrorBody).error.message).toMatch(/current answer/);
      abort.abort();
      await expect
        .poll(async () => (await send(c, 'Can I return a tent?', slow.base)).status, {
          timeout: 5_000,
        })
        .not.toBe(429);
    } finally {
      release();
      await slow.close();
    }
  });
});

describe('live updates, feedback and escalation', () => {
  it('pushes an agent reply and the takeover status to the open widget', async () => {
    const c = await start();
    await (await send(c, 'Is anyone there?')).text(); // the first message stores the conversation
    const res = await fetch(
      `${api.base}/v1/conversations/${c.conversationId}/events?token=${encodeURIComponent(c.token)}`,
    );
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const stream = readEvents(res);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await postAgentMessage(t.db, shop.tenantId, c.conversationId, {
      authorUserId: null,
      content: 'A person is here.',
    });
    const message = await stream.next((e) => e.event === 'message');
    expect(message.data).toMatchObject({
      role: 'agent',
      content: 'A person is here.',
      authorName: 'Support team',
    });
    const status = await stream.next((e) => e.event === 'status');
    expect(status.data).toEqual({
      status: 'open',
      botPaused: true,
      handoff: 'person',
      agent: null,
    });
    await stream.close();
  });

  it('saves thumbs and CSAT, and refuses feedback on a message that is not an answer here', async () => {
    const c = await start();
    const events = parseSse(await (await send(c, 'Can I return a tent?')).text());
    const { messageId } = events.at(-1)!.data as { messageId: string };
    const auth = { authorization: `Bearer ${c.token}` };
    expect(
      (
        await post(
          api.base,
          `/v1/conversations/${c.conversationId}/messages/${messageId}/feedback`,
          { value: -1 },
          auth,
        )
      ).status,
    ).toBe(204);
    const visitorMessageId = (events[0]!.data as { id: string }).id;
    expect(
      (
        await post(
          api.base,
          `/v1/conversations/${c.conversationId}/messages/${visitorMessageId}/feedback`,
          { value: 1 },
          auth,
        )
      ).status,
    ).toBe(404);
    expect(
      (await post(api.base, `/v1/conversations/${c.conversationId}/rating`, { rating: 6 }, auth))
        .status,
    ).toBe(400);
    expect(
      (await post(api.base, `/v1/conversations/${c.conversationId}/rating`, { rating: 4 }, auth))
        .status,
    ).toBe(204);
    const history = (await start(api.base, {})).messages; // a new visitor sees nothing of it
    expect(history).toEqual([]);
  });

  it('turns "talk to a human" into a numbered ticket and tells the team', async () => {
    const notified: string[] = [];
    const notifying = await startTestApi(t, {
      onTicketCreated: async (tenantId, ticketId) => void notified.push(`${tenantId}/${ticketId}`),
    });
    try {
      const numbers = [];
      for (let i = 0; i < 2; i++) {
        const c = await start(notifying.base);
        const res = await post(
          notifying.base,
          `/v1/conversations/${c.conversationId}/escalate`,
          { email: 'kari@example.com', message: 'My tent arrived torn.' },
          { authorization: `Bearer ${c.token}` },
        );
        expect(res.status).toBe(201);
        numbers.push(((await res.json()) as { ticketNumber: number }).ticketNumber);
      }
      expect(numbers[1]).toBe(numbers[0]! + 1);
      await expect.poll(() => notified.length).toBe(2);
      expect(notified[0]).toMatch(new RegExp(`^${shop.tenantId}/`));
      const c = await start(notifying.base);
      const bad = await post(
        notifying.base,
        `/v1/conversations/${c.conversationId}/escalate`,
        { email: 'not-an-email', message: 'x' },
        { authorization: `Bearer ${c.token}` },
      );
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ErrorBody).error.message).toContain('email');
    } finally {
      await notifying.close();
    }
  });
});

describe('hand-off', () => {
  it('acknowledges a request for a person once per hand-off, passes typing on, and ends on request', async () => {
    const pro = await shopTenant(t, `pro-${randomUUID().slice(0, 8)}`);
    await t.db
      .update(schema.tenants)
      .set({ plan: 'pro' })
      .where(eq(schema.tenants.id, pro.tenantId));
    const acknowledged: string[] = [];
    const proApi = await startTestApi(t, {
      onHandoffRequested: async (_tenantId, ticketId) => void acknowledged.push(ticketId),
    });
    try {
      const c = (await (
        await post(proApi.base, '/v1/conversations', {
          key: pro.publishableKey,
          visitorId: visitor(),
        })
      ).json()) as Started;
      const auth = { authorization: `Bearer ${c.token}` };
      const path = (tail: string) => `/v1/conversations/${c.conversationId}/${tail}`;
      // Nothing is stored before the first message: nothing to end yet.
      const early = await post(proApi.base, path('end'), {}, auth);
      expect(early.status).toBe(404);
      for (const message of ['A person, please.', 'Still there?']) {
        const res = await post(
          proApi.base,
          path('escalate'),
          { email: 'kari@example.com', message },
          auth,
        );
        expect(res.status).toBe(201);
      }
      await expect.poll(() => acknowledged.length).toBe(1);
      const history = (await (
        await fetch(`${proApi.base}${path('messages')}`, { headers: auth })
      ).json()) as { messages: { role: string; handoff: string | null }[] };
      expect(history.messages.map((m) => m.handoff ?? m.role)).toEqual([
        'visitor',
        'waiting',
        'visitor',
      ]);
      expect((await post(proApi.base, path('typing'), {}, auth)).status).toBe(204);
      expect((await post(proApi.base, path('typing'), { text: 'x' }, auth)).status).toBe(400);
      expect((await post(proApi.base, path('end'), {}, auth)).status).toBe(204);
      const ended = (await (
        await fetch(`${proApi.base}${path('messages')}`, { headers: auth })
      ).json()) as { messages: { handoff: string | null }[] };
      expect(ended.messages.at(-1)!.handoff).toBe('ended');
    } finally {
      await proApi.close();
    }
  });
});

describe('OpenAPI', () => {
  async function documentedOperations() {
    const doc = (await (await fetch(`${api.base}/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, object>;
    };
    expect(doc.openapi).toBe('3.1.0');
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
    );
  }

  it('documents every route the app serves under /v1, with its method', async () => {
    const { createApp } = await import('./app');
    const { defaultRoutes } = await import('./server');
    const { createLogger } = await import('./logger');
    const app = createApp(
      { logger: createLogger('silent') } as AppContext,
      defaultRoutes({ production: false }),
    );
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/'))
        .filter((r) => r.path !== '/v1/openapi.json')
        .map((r) => `${r.method} ${r.path}`),
    );
    const documented = (await documentedOperations()).map(
      (op) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`,
    );
    expect(documented.sort()).toEqual([...served].sort());
  });

  it('serves every documented operation', async () => {
    for (const op of await documentedOperations()) {
      const res = await fetch(`${api.base}${op.path.replace(/\{\w+\}/g, randomUUID())}`, {
        method: op.method,
      });
      const body = (await res.json().catch(() => null)) as ErrorBody | null;
      expect([op, res.status]).not.toEqual([op, 405]);
      expect(body?.error.message ?? '').not.toMatch(/^There is nothing at/);
    }
  });
});
