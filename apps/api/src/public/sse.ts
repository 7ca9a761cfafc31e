import type { ServerResponse } from 'node:http';

export interface EventStream {
  /** Queues one event; resolves at once, or once a full socket has drained (a slow reader). */
  send(event: string, data: unknown): Promise<void>;
  comment(text: string): void;
  end(): void;
  readonly closed: boolean;
}

/**
 * Answer tokens of one stream go out at most this often: a chat answer arrives a token at a
 * time (30-80 a second), and one socket write per token is what a busy API process spends most
 * of its time on. The first token, and every other kind of event, goes out at once; a reader
 * sees the rest of the answer in steps too short to notice.
 */
export const TOKEN_FLUSH_INTERVAL_MS = 100;
/** The longest step, when this process streams to very many readers at once. */
const BUSY_FLUSH_INTERVAL_MS = 300;
/** Answers streaming per millisecond of step: up to 400 of them the step stays 100 ms. */
const STREAMS_PER_MS = 4;

/**
 * Streams carrying an answer now (from their first token until they close). Idle event streams
 * (a widget left open, waiting for an agent) cost nothing per second and are not counted.
 */
let answeringStreams = 0;
/** Every open event stream of this process, idle or answering (a metric). */
let openStreams = 0;

export function openEventStreams(): number {
  return openStreams;
}

/**
 * How long answers' steps are now: 100 ms, growing with the answers this process streams (250 ms
 * at 1000), so a crowd of answers leaves the event loop time for new chats' first tokens.
 */
export function streamingStepMs(): number {
  return Math.min(
    BUSY_FLUSH_INTERVAL_MS,
    Math.max(TOKEN_FLUSH_INTERVAL_MS, answeringStreams / STREAMS_PER_MS),
  );
}

/** The event batched by `TOKEN_FLUSH_INTERVAL_MS`. */
const BATCHED_EVENT = 'token';

/**
 * A Server-Sent Events response. No compression and no proxy buffering. `send` waits only when
 * the socket is full (a slow reader), so the producer is slowed by the reader, never by the
 * batching.
 */
export function openEventStream(
  res: ServerResponse,
  headers: Record<string, string> = {},
): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    ...headers,
  });
  res.flushHeaders();
  openStreams++;
  let closed = false;
  let queued = '';
  let queuedToken = false;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let lastTokenFlushAt = -Infinity;
  let draining: Promise<void> | null = null;
  const cancelTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    timerAt = Infinity;
  };
  let answering = false;
  res.on('close', () => {
    closed = true;
    openStreams--;
    if (answering) answeringStreams--;
    cancelTimer();
  });

  const waitForDrain = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        draining = null;
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  const flush = () => {
    cancelTimer();
    if (closed || !queued) return;
    if (queuedToken) lastTokenFlushAt = performance.now();
    const chunk = queued;
    queued = '';
    queuedToken = false;
    if (!res.write(chunk)) draining ??= waitForDrain();
  };
  /** Makes sure a flush happens by `at` (a performance.now() time). */
  const flushBy = (at: number) => {
    if (timer && timerAt <= at) return;
    cancelTimer();
    timerAt = at;
    timer = setTimeout(flush, Math.max(0, at - performance.now()));
  };
  const write = (event: string, chunk: string): Promise<void> => {
    if (closed) return Promise.resolve();
    // The write that fills the socket goes through; the next one waits for it to drain.
    const full = draining;
    queued += chunk;
    const now = performance.now();
    const dueAt =
      event === BATCHED_EVENT ? Math.max(now, lastTokenFlushAt + streamingStepMs()) : now;
    if (event === BATCHED_EVENT) {
      queuedToken = true;
      if (!answering) answeringStreams++;
      answering = true;
    }
    // Due now: written at once, not after a timer (a busy event loop runs timers late).
    if (dueAt <= now) flush();
    else flushBy(dueAt);
    return full ?? Promise.resolve();
  };

  return {
    send: (event, data) => write(event, `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    comment: (text) => void write('comment', `: ${text}\n\n`),
    end: () => {
      if (closed) return;
      cancelTimer();
      if (queued) res.write(queued);
      queued = '';
      res.end();
    },
    get closed() {
      return closed;
    },
  };
}
