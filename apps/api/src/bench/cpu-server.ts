// The process measured by `cpu-per-chat.ts`. With `api`: the real API server and engine on the
// test database (embedded PGlite, or DATABASE_URL) with a stub model that streams its answer as
// fast as it can, each word in a turn of the event loop of its own (as a provider's chunks arrive
// in separate socket reads). With `echo`: a bare HTTP server answering the same two requests, its
// event stream written through the same `openEventStream` with the same words, so the difference
// between the two is what the stack between the socket and the model costs. Prints one JSON line
// with its address, then answers each `report` line on stdin with the CPU time and heap bytes
// allocated since the last report. With `--cpu-prof-dir=<dir>`, a CPU profile of what runs
// between the first and the second report (the measured chats, not start-up) is written there,
// with a sampling profile of what they allocated (`.heapprofile`, Chrome DevTools opens both).
// With `--database-url=<url>`, the API connects there instead of DATABASE_URL (the bench's relay).
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { getHeapStatistics, GCProfiler } from 'node:v8';
import type { ChatDelta, ChatModel } from '@replyline/ai';
import { openTestDatabase } from '@replyline/db/testing';
import { openEventStream } from '../public/sse';
import { shopTenant, startTestApi } from '../testing/test-api';
import { UNLIMITED_LIMITS, unlimitedQuota } from './unlimited';

export const BENCH_ANSWER =
  'Delivery takes 3 to 5 business days within Norway [1]. You get a tracking link by email when the parcel leaves our warehouse. Orders placed before noon leave the same day. Is there anything else I can help you with?';
const WORDS = BENCH_ANSWER.match(/\s*\S+/g)!;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const fastStub: ChatModel = {
  name: 'stub-fast',
  kind: 'language-model',
  async *stream(_request, signal): AsyncIterable<ChatDelta> {
    for (const text of WORDS) {
      if (signal?.aborted) return;
      yield { type: 'text', text };
      await nextTurn();
    }
    yield {
      type: 'usage',
      usage: { inputTokens: 200, outputTokens: WORDS.length, model: 'stub-fast' },
    };
  },
};

const mode = process.argv[2];
if (mode !== 'api' && mode !== 'echo') throw new Error('Usage: cpu-server.ts api|echo');
const server = mode === 'api' ? await startRealApi() : await startEcho();
console.log(JSON.stringify(server.info));

/** Heap bytes allocated = growth of the live heap + what every collection since freed. */
let gcProfiler = new GCProfiler();
gcProfiler.start();
let heapAtStart = getHeapStatistics().used_heap_size;
let cpuAtStart = process.cpuUsage();
const profiler = profilerOf(process.argv.find((arg) => arg.startsWith('--cpu-prof-dir=')));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'report') void report();
});
process.on('SIGTERM', () => void server.close().finally(() => process.exit(0)));

async function report() {
  const cpu = process.cpuUsage(cpuAtStart);
  const collections = gcProfiler.stop()?.statistics ?? [];
  const freed = collections.reduce(
    (sum, gc) =>
      sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
    0,
  );
  const allocatedBytes = getHeapStatistics().used_heap_size - heapAtStart + freed;
  await profiler.next();
  console.log(
    JSON.stringify({
      cpuMs: (cpu.user + cpu.system) / 1000,
      allocatedBytes,
      collections: collections.length,
      gcMs: collections.reduce((sum, gc) => sum + gc.cost, 0) / 1000,
    }),
  );
  gcProfiler = new GCProfiler();
  gcProfiler.start();
  heapAtStart = getHeapStatistics().used_heap_size;
  cpuAtStart = process.cpuUsage();
}

/** Each call: starts the profile the first time, writes it the second; no-op without a folder. */
async function* profilerOf(dirArg: string | undefined): AsyncGenerator<void, void> {
  if (!dirArg) for (;;) yield;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  yield;
  const { profile } = await session.post('Profiler.stop');
  const heap = await session.post('HeapProfiler.stopSampling');
  const path = join(dirArg!.split('=')[1]!, `cpu-per-chat-${mode}-${process.pid}`);
  await writeFile(`${path}.cpuprofile`, JSON.stringify(profile));
  await writeFile(`${path}.heapprofile`, JSON.stringify(heap.profile));
  console.error(`CPU and allocation profiles of the measured chats: ${path}.*`);
}

async function startRealApi() {
  // On a Postgres server, possibly through the bench's counting relay (`--database-url=`).
  const flag = '--database-url=';
  const appUrl = process.argv.find((arg) => arg.startsWith(flag))?.slice(flag.length);
  const t = await openTestDatabase({ maxConnections: 20, appUrl });
  const shop = await shopTenant(t, `cpu-bench-${randomUUID().slice(0, 8)}`);
  const api = await startTestApi(t, {
    model: fastStub,
    checkQuota: unlimitedQuota,
    limits: UNLIMITED_LIMITS,
  });
  return {
    info: { base: api.base, key: shop.publishableKey, database: t.kind },
    close: async () => {
      await api.close();
      await t.close();
    },
  };
}

/** The same two requests a chat makes, answered with no database, engine or guard. */
async function startEcho() {
  const echo = createServer((req, res) => void answerEcho(req, res));
  await new Promise<void>((resolve) => echo.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  return {
    info: { base, key: 'echo', database: 'none' },
    close: () => new Promise<void>((resolve) => echo.close(() => resolve())),
  };
}

async function answerEcho(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  JSON.parse(body);
  if (req.url === '/v1/conversations') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ conversationId: randomUUID(), token: 'echo' }));
    return;
  }
  const stream = openEventStream(res);
  let closed = false;
  res.on('close', () => (closed = true));
  await stream.send('visitor_message', { id: randomUUID(), createdAt: new Date().toISOString() });
  for (const text of WORDS) {
    if (closed) break;
    await stream.send('token', { text });
    await nextTurn();
  }
  await stream.send('sources', { sources: [] });
  await stream.send('done', {
    messageId: randomUUID(),
    escalationSuggested: false,
    reason: null,
    handledByHuman: false,
  });
  stream.end();
}
