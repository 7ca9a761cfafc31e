// The API process under load for `pnpm bench`: the real server and engine on the test database
// (embedded PGlite, or DATABASE_URL with the pool size given as the second argument), a tenant with a few FAQ
// answers, and a stub language model that streams a four-sentence answer word by word (25 ms
// apart) like a hosted model, repeated as often as the first argument says. Prints one JSON
// line with its address and the conversation key, then serves until killed. Each line `report`
// on stdin is answered with one JSON line: the server's own time to first token of every answer
// and its event-loop delay since the last report (milliseconds), then both start again.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { ChatDelta, ChatModel } from '@replyline/ai';
import { readDbEnv } from '@replyline/db';
import { openTestDatabase } from '@replyline/db/testing';
import { shopTenant, startTestApi } from '../testing/test-api';
import { UNLIMITED_LIMITS, unlimitedQuota } from './unlimited';

const ANSWER =
  'Delivery takes 3 to 5 business days within Norway [1]. You get a tracking link by email when the parcel leaves our warehouse. Orders placed before noon leave the same day. Is there anything else I can help you with?';
/** How many times the answer repeats: 1 is a 1-second stream, 10 a 10-second one. */
const REPEATS = Number(process.argv[2] ?? 1);
/** Connections to a Postgres server (second argument), else DATABASE_POOL_SIZE. */
const POOL_SIZE = Number(process.argv[3] ?? readDbEnv().DATABASE_POOL_SIZE);
const TOKENS = Array.from({ length: REPEATS }, () => ANSWER.match(/\s*\S+/g)!).flat();
const TOKEN_INTERVAL_MS = 25;

const streamingStub: ChatModel = {
  name: 'stub-streaming',
  kind: 'language-model',
  async *stream(_request, signal): AsyncIterable<ChatDelta> {
    for (const token of TOKENS) {
      if (signal?.aborted) return;
      yield { type: 'text', text: token };
      await new Promise((resolve) => setTimeout(resolve, TOKEN_INTERVAL_MS));
    }
    yield {
      type: 'usage',
      usage: { inputTokens: 200, outputTokens: TOKENS.length, model: 'stub-streaming' },
    };
  },
};

// A production process's pool, not the few connections of a test.
const t = await openTestDatabase({ maxConnections: POOL_SIZE });
const shop = await shopTenant(t, `bench-${randomUUID().slice(0, 8)}`);
let firstTokenMs: number[] = [];
const api = await startTestApi(t, {
  onFirstToken: (ms) => firstTokenMs.push(ms),
  model: streamingStub,
  checkQuota: unlimitedQuota,
  limits: UNLIMITED_LIMITS,
});
console.log(JSON.stringify({ base: api.base, key: shop.publishableKey, database: t.kind }));
// How late the event loop runs callbacks: every database round trip of a chat waits for it.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'report') return;
  const delayMs = (p: number) => Math.round(loopDelay.percentile(p) / 1e6);
  console.log(
    JSON.stringify({
      firstTokenMs,
      loopDelayMs: { p50: delayMs(50), p99: delayMs(99), max: delayMs(100) },
    }),
  );
  firstTokenMs = [];
  loopDelay.reset();
});
process.on(
  'SIGTERM',
  () => void api.close().finally(() => void t.close().finally(() => process.exit(0))),
);
