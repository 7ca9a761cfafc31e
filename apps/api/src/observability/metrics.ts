import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { PgBoss } from '@replyline/db';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { openEventStreams } from '../public/sse';

/** Latency buckets (seconds) from a cached JSON read to a long answer's stream. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** First-token buckets around the budget in docs/performance.md. */
const FIRST_TOKEN_BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];

/** The API's Prometheus metrics: one registry per process (one per test API in tests). */
export interface ApiMetrics {
  registry: Registry;
  /** One finished request, by its route template (never the raw path: ids would explode the series). */
  observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
  observeFirstToken(seconds: number): void;
}

/** Job counts by queue and state, read at scrape time (null: no queue in this process). */
export type QueueCounts = () => Promise<{ queue: string; state: string; count: number }[]>;

export function createApiMetrics(options: { queueCounts?: QueueCounts } = {}): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'replyline_' });
  const requests = new Histogram({
    name: 'replyline_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status: the count is the request rate.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const firstToken = new Histogram({
    name: 'replyline_chat_first_token_seconds',
    help: 'Server time from receiving a visitor message to handing its first answer token to the socket.',
    buckets: FIRST_TOKEN_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'replyline_sse_streams_active',
    help: 'Server-Sent Event streams open in this process (answers and idle widgets).',
    registers: [registry],
    collect() {
      this.set(openEventStreams());
    },
  });
  if (options.queueCounts) registerQueueGauges(registry, options.queueCounts);
  return {
    registry,
    observeRequest: ({ method, route, status, seconds }) =>
      requests.observe({ method, route, status: String(status) }, seconds),
    observeFirstToken: (seconds) => firstToken.observe(seconds),
  };
}

/**
 * Queue depth (jobs waiting: created or retrying) and failed jobs, per queue. Read from the
 * queue's tables at scrape time, so every API and worker process reports the same totals.
 */
function registerQueueGauges(registry: Registry, queueCounts: QueueCounts) {
  let pending: ReturnType<QueueCounts> | null = null;
  // Both gauges collect in one scrape: one query serves both.
  const counts = () =>
    (pending ??= queueCounts().finally(() => setTimeout(() => (pending = null))));
  new Gauge({
    name: 'replyline_queue_depth',
    help: 'Jobs waiting to run (created or retrying), by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await counts())
        if (row.state === 'created' || row.state === 'retry')
          this.inc({ queue: row.queue }, row.count);
    },
  });
  new Gauge({
    name: 'replyline_queue_failed_jobs',
    help: 'Jobs that failed after their retries and are still kept, by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await counts())
        if (row.state === 'failed') this.set({ queue: row.queue }, row.count);
    },
  });
}

/** Job counts from pg-boss's own table (one grouped read). */
export function queueCountsOf(queue: PgBoss): QueueCounts {
  return async () => {
    const result = await queue.getDb().executeSql(
      `select name, state::text as state, count(*)::int as count from pgboss.job
          where state in ('created', 'retry', 'failed') group by name, state`,
      [],
    );
    const rows = (result as { rows: { name: string; state: string; count: number }[] }).rows;
    return rows.map((row) => ({ queue: row.name, state: row.state, count: Number(row.count) }));
  };
}

/**
 * GET /metrics in Prometheus' text format. With a token the caller must send it as a bearer
 * token; the separate metrics port (reachable only inside the cluster) may run without one.
 */
export async function answerMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: ApiMetrics,
  token: string | null,
) {
  if (token && !bearerMatches(req.headers.authorization, token)) {
    res.writeHead(401, {
      'content-type': 'text/plain; charset=utf-8',
      'www-authenticate': 'Bearer realm="metrics"',
    });
    res.end('Metrics need the bearer token set in METRICS_TOKEN.\n');
    return;
  }
  const body = await metrics.registry.metrics();
  res.writeHead(200, {
    'content-type': metrics.registry.contentType,
    'cache-control': 'no-store',
  });
  res.end(body);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
