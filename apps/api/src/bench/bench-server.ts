// The API process under load for `pnpm bench`: the real server and engine on the test database
// (embedded PGlite, or DATABASE_URL with the production pool size), a tenant with a few FAQ
// answers, and a stub language model that streams a four-sentence answer word by word (25 ms
// apart) like a hosted model, repeated as often as the first argument says. Prints one JSON
// line with its address and the conversation key, then serves until killed. Each line `report`
// on stdin is answered with one JSON line: the server's own time to first token of every answer
// since the last report (milliseconds), then the list starts again.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { ChatDelta, ChatModel } from '@replyline/ai';
import { readDbEnv } from '@replyline/db';
import { openTestDatabase } from '@replyline/db/testing';
import { shopTenant, startTestApi } from '../testing/test-api';

const ANSWER =
  'Delivery takes 3 to 5 business days within Norway [1]. You get a tracking link by email when the parcel leaves our warehouse. Orders placed before noon leave the same day. Is there anything else I can help you with?';
/** How many times the answer repeats: 1 is a 1-second stream, 10 a 10-second one. */
const REPEATS = Number(process.argv[2] ?? 1);
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

// The pool a production process opens (DATABASE_POOL_SIZE), not the few connections of a test.
const t = await openTestDatabase({ maxConnections: readDbEnv().DATABASE_POOL_SIZE });
const shop = await shopTenant(t, `bench-${randomUUID().slice(0, 8)}`);
const unlimited = 1_000_000;
let firstTokenMs: number[] = [];
const api = await startTestApi(t, {
  onFirstToken: (ms) => firstTokenMs.push(ms),
  model: streamingStub,
  // A plan with room for every chat: the bench measures serving, not the quota's refusals.
  checkQuota: async () => ({ allowed: true, used: 0, included: unlimited }),
  limits: {
    visitorMessagesPerMinute: unlimited,
    ipMessagesPerMinute: unlimited,
    tenantMessagesPerMinute: unlimited,
    ipStartsPerMinute: unlimited,
    ipStartsPerHour: unlimited,
    ipRepliesPerMinute: unlimited,
    ipRepliesPerHour: unlimited,
    anonymousDailySharePercent: 100,
    streamsPerTenant: unlimited,
  },
});
console.log(JSON.stringify({ base: api.base, key: shop.publishableKey, database: t.kind }));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'report') return;
  console.log(JSON.stringify({ firstTokenMs }));
  firstTokenMs = [];
});
process.on(
  'SIGTERM',
  () => void api.close().finally(() => void t.close().finally(() => process.exit(0))),
);
