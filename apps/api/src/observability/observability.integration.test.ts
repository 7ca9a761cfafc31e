import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import * as Sentry from '@sentry/node';
import { openQueue, QUEUES, type PgBoss } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { readEvents } from '../testing/sse';
import { shopTenant, startTestApi, SHOP_ORIGIN, type TestApi } from '../testing/test-api';
import { startErrorReports } from './error-reports';
import { createApiMetrics, queueCountsOf } from './metrics';
import { createMetricsServer } from './metrics-server';
import { startTracing, type Tracing } from './tracing';

const SEND_ROUTE = '/v1/conversations/:id/messages';

let t: TestDatabase;
let shop: Awaited<ReturnType<typeof shopTenant>>;

beforeAll(async () => {
  t = await openTestDatabase();
  shop = await shopTenant(t, `obs-${randomUUID().slice(0, 8)}`);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A local HTTP endpoint that keeps every request body it receives (collector, Sentry). */
async function startReceiver() {
  const bodies: { url: string; body: Buffer; headers: IncomingMessage['headers'] }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      bodies.push({ url: req.url ?? '', body, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function startChat(api: TestApi) {
  const res = await fetch(`${api.base}/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SHOP_ORIGIN },
    body: JSON.stringify({ key: shop.publishableKey, visitorId: `v_${randomUUID()}` }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { conversationId: string; token: string };
}

function sendMessage(
  api: TestApi,
  chat: { conversationId: string; token: string },
  text: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${api.base}/v1/conversations/${chat.conversationId}/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: SHOP_ORIGIN,
      authorization: `Bearer ${chat.token}`,
      ...headers,
    },
    body: JSON.stringify({ text }),
  });
}

/** Sends a message and reads its answer stream to `done`. */
async function askAndWait(api: TestApi, text: string, headers: Record<string, string> = {}) {
  const chat = await startChat(api);
  const res = await sendMessage(api, chat, text, headers);
  expect(res.status).toBe(200);
  const events = readEvents(res);
  await events.next((e) => e.event === 'done');
  await events.close();
  return res;
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: number } }[];
}

function spansIn(bodies: { url: string; body: Buffer }[]): OtlpSpan[] {
  return bodies
    .filter((b) => b.url === '/v1/traces')
    .flatMap((b) => {
      const payload = JSON.parse(b.body.toString('utf8')) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      return payload.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    });
}

const attribute = (span: OtlpSpan, key: string) =>
  span.attributes.find((a) => a.key === key)?.value.stringValue;

describe('traces', () => {
  let collector: Awaited<ReturnType<typeof startReceiver>>;
  let tracing: Tracing;
  let api: TestApi;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    collector = await startReceiver();
    tracing = startTracing({ endpoint: collector.base, serviceName: 'replyline-api-test' })!;
    const logs = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
          logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    api = await startTestApi(t, { observability: { logger: createLogger('info', logs) } });
  });
  afterAll(async () => {
    await api?.close();
    await tracing?.shutdown();
    await collector?.close();
  });

  it('sends one trace per answered message: API -> engine -> retrieval -> database, tagged with the tenant', async () => {
    const requestId = `trace-test-${randomUUID()}`;
    const res = await askAndWait(api, 'How long does delivery take?', {
      'x-request-id': requestId,
    });
    expect(res.headers.get('x-request-id')).toBe(requestId);
    await tracing.flush();

    const spans = spansIn(collector.bodies);
    const request = spans.find((s) => s.name === `POST ${SEND_ROUTE}`);
    expect(request, 'the request span').toBeDefined();
    expect(attribute(request!, 'http.route')).toBe(SEND_ROUTE);
    expect(attribute(request!, 'tenant.id')).toBe(shop.tenantId);
    expect(attribute(request!, 'http.request.id')).toBe(requestId);
    expect(request!.parentSpanId ?? '').toBe('');

    const trace = spans.filter((s) => s.traceId === request!.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (span: OtlpSpan) => {
      const names: string[] = [];
      for (let at = byId.get(span.parentSpanId ?? ''); at; at = byId.get(at.parentSpanId ?? ''))
        names.push(at.name);
      return names;
    };
    const named = (name: string) => trace.filter((s) => s.name === name);

    const search = named('rag.search');
    expect(search).toHaveLength(1);
    expect(attribute(search[0]!, 'tenant.id')).toBe(shop.tenantId);
    expect(ancestors(search[0]!)).toEqual([
      'ai.plan_answer',
      'db.transaction',
      `POST ${SEND_ROUTE}`,
    ]);
    const statements = trace.filter(
      (s) => s.name === 'db.query' && s.parentSpanId === search[0]!.spanId,
    );
    expect(statements.length).toBeGreaterThan(0);
    const transactions = named('db.transaction');
    expect(transactions.length).toBeGreaterThanOrEqual(2); // the turn opened, the answer stored
    for (const tx of transactions) expect(attribute(tx, 'tenant.id')).toBe(shop.tenantId);
    const turn = named('ai.answer_turn');
    expect(turn).toHaveLength(1);
    expect(ancestors(turn[0]!)).toEqual([`POST ${SEND_ROUTE}`]);

    // The request's log line carries both ids, so a log search leads to the trace.
    const logged = logLines.find((l) => l.msg === 'request' && l.reqId === requestId);
    expect(logged?.traceId).toBe(request!.traceId);
  });
});

describe('metrics', () => {
  const token = `metrics-${randomUUID()}`;
  let api: TestApi;
  let queue: PgBoss;
  const metrics = () => {
    const made = createApiMetrics({ queueCounts: queueCountsOf(queue) });
    return made;
  };
  let registry: ReturnType<typeof createApiMetrics>;

  beforeAll(async () => {
    queue = await openQueue(t.queueTarget, { supervise: false, schedule: false });
    registry = metrics();
    api = await startTestApi(t, { observability: { metrics: registry, metricsToken: token } });
  });
  afterAll(async () => {
    await api?.close();
    await queue?.stop({ graceful: false, wait: true });
  });

  it('serves request rate and latency by route template, first tokens, streams and the queue to the token holder', async () => {
    await askAndWait(api, 'Can I return a tent?');
    await askAndWait(api, 'How long does delivery take?');
    await fetch(`${api.base}/v1/conversations/not-a-route/nothing`);
    // A job waiting for later and one that failed: depth and failures per queue.
    const later = new Date(Date.now() + 3_600_000);
    const waiting = await queue.send(QUEUES.retention, { probe: 'metrics' }, { startAfter: later });
    const failing = await queue.send(
      QUEUES.retention,
      { probe: 'metrics' },
      { startAfter: later, retryLimit: 0 },
    );
    await queue.fail(QUEUES.retention, failing!, { message: 'probe' });

    const refused = await fetch(`${api.base}/metrics`);
    expect(refused.status).toBe(401);
    const wrong = await fetch(`${api.base}/metrics`, {
      headers: { authorization: `Bearer ${token}x` },
    });
    expect(wrong.status).toBe(401);

    const res = await fetch(`${api.base}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain(
      `replyline_http_request_duration_seconds_count{method="POST",route="${SEND_ROUTE}",status="200"} 2`,
    );
    expect(text).toContain(
      'replyline_http_request_duration_seconds_count{method="POST",route="/v1/conversations",status="200"} 2',
    );
    // Unknown paths share one series instead of one per path.
    expect(text).toMatch(/route="unmatched",status="404"\} 1/);
    expect(text).not.toContain('not-a-route');
    expect(text).toContain('replyline_chat_first_token_seconds_count 2');
    expect(text).toMatch(/^replyline_sse_streams_active \d+$/m);
    expect(
      Number(/replyline_queue_depth\{queue="retention"\} (\d+)/.exec(text)?.[1]),
    ).toBeGreaterThanOrEqual(1);
    expect(
      Number(/replyline_queue_failed_jobs\{queue="retention"\} (\d+)/.exec(text)?.[1]),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain('replyline_process_cpu_seconds_total');

    await queue.deleteJob(QUEUES.retention, [waiting!, failing!]);
  });

  it('counts an open event stream while it is open', async () => {
    const chat = await startChat(api);
    const events = await fetch(`${api.base}/v1/conversations/${chat.conversationId}/events`, {
      headers: { origin: SHOP_ORIGIN, authorization: `Bearer ${chat.token}` },
    });
    expect(events.status).toBe(200);
    const scrape = async () =>
      Number(/^replyline_sse_streams_active (\d+)$/m.exec(await registry.registry.metrics())?.[1]);
    expect(await scrape()).toBeGreaterThanOrEqual(1);
    const before = await scrape();
    await events.body?.cancel();
    await expect.poll(scrape).toBe(before - 1);
  });

  it('serves the metrics alone on their own port, and nothing else there', async () => {
    const server = createMetricsServer(registry, null);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('replyline_http_request_duration_seconds_bucket');
      expect((await fetch(`${base}/v1/conversations`)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('keeps /metrics closed on the API port when no token is set', async () => {
    const plain = await startTestApi(t);
    try {
      const res = await fetch(`${plain.base}/metrics`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /METRICS_TOKEN/,
      );
    } finally {
      await plain.close();
    }
  });
});

describe('error reports', () => {
  let sentry: Awaited<ReturnType<typeof startReceiver>>;
  let api: TestApi;
  const SECRET_WORDS = 'my card number is 4111 1111 1111 1111';

  beforeAll(async () => {
    sentry = await startReceiver();
    const reports = startErrorReports({
      dsn: `${sentry.base.replace('http://', 'http://public0key@')}/42`,
      environment: 'test',
    });
    api = await startTestApi(t, {
      observability: { errorReports: reports },
      // A bug deep in a turn: the quota store fails with an error nobody expected.
      checkQuota: async () => {
        throw new Error('quota ledger unreachable');
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await Sentry.close(2_000);
    await sentry?.close();
  });

  it('sends the unexpected error with its tenant and route to Sentry, and nothing the visitor wrote', async () => {
    const chat = await startChat(api);
    const res = await sendMessage(api, chat, SECRET_WORDS);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { message: string; requestId: string } };
    expect(body.error.message).not.toContain('ledger');
    await Sentry.flush(5_000);

    const envelopes = sentry.bodies.filter((b) => b.url.startsWith('/api/42/envelope/'));
    expect(envelopes).toHaveLength(1);
    const envelope = envelopes[0]!.body.toString('utf8');
    const [, , eventJson] = envelope.split('\n');
    const event = JSON.parse(eventJson!) as {
      exception: { values: { type: string; value: string }[] };
      tags: Record<string, string>;
      extra: Record<string, string>;
      request?: unknown;
    };
    expect(event.exception.values.at(-1)).toMatchObject({
      type: 'Error',
      value: 'quota ledger unreachable',
    });
    expect(event.tags).toMatchObject({
      tenant_id: shop.tenantId,
      route: SEND_ROUTE,
      method: 'POST',
    });
    expect(event.extra.requestId).toBe(body.error.requestId);
    expect(event.request).toBeUndefined();
    expect(envelope).not.toContain('4111');
    expect(envelope).not.toContain(chat.token);
    expect(envelope).not.toContain(shop.publishableKey);
  });
});
