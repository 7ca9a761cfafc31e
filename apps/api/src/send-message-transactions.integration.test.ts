import type { ChatDelta, ChatModel } from '@replyline/ai';
import { readDbEnv, type Database } from '@replyline/db';
import {
  openTestDatabase,
  startCountingRelay,
  type CountingRelay,
  type TestDatabase,
} from '@replyline/db/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopTenant, startTestApi, type TestApi } from './testing';
import { widgetClient } from './testing/widget-client';

// Every tenant-scoped transaction goes through db.transaction (see withTenant): counting those
// on the database the API is given counts the scopes one answered message opens.
let transactions = 0;
let atModelStart: number | null = null;

function countingDatabase(db: Database): Database {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<Database['transaction']>) => {
        transactions += 1;
        return target.transaction(...args);
      };
    },
  });
}

/** A language model that notes how many transactions ran before it was asked. */
const countingModel: ChatModel = {
  name: 'counting',
  kind: 'language-model',
  async *stream(): AsyncIterable<ChatDelta> {
    atModelStart = transactions;
    yield { type: 'text', text: 'Delivery takes 3 to 5 business days [1].' };
    yield { type: 'usage', usage: { inputTokens: 10, outputTokens: 8, model: 'counting' } };
  },
};

let t: TestDatabase;
let api: TestApi;
let key: string;
// On a Postgres server the API connects through a relay that counts its round trips, over one
// connection so that every statement of the path is prepared on it after the first message.
const serverUrl = readDbEnv().DATABASE_URL;
let relay: CountingRelay | null = null;
beforeAll(async () => {
  relay = serverUrl ? await startCountingRelay(serverUrl) : null;
  t = await openTestDatabase(relay ? { appUrl: relay.url, maxConnections: 1 } : {});
  key = (await shopTenant(t, `tx-${randomUUID().slice(0, 8)}`)).publishableKey;
  api = await startTestApi({ ...t, db: countingDatabase(t.db) }, { model: countingModel });
}, 120_000);
afterAll(async () => {
  await api?.close();
  await t?.close();
  await relay?.close();
});

describe('one answered widget message', () => {
  // Before the model: the turn (conversation, settings, recent turns, quota and actions in one
  // round trip), then the question stored with its retrieval (one round trip, a new
  // conversation's row included). After: the answer with its usage record.
  it('opens exactly 2 tenant transactions before the model and 1 after', async () => {
    const client = widgetClient(api.base, key);
    const conversation = await client.started();
    // The first message also stores the conversation; the later ones answer in it.
    for (const question of ['How long does delivery take?', 'Can I return a tent?', 'And tents?']) {
      atModelStart = null;
      transactions = 0;
      const reply = await client.send(conversation, question);
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('event: done');
      expect(atModelStart).toBe(2);
      expect(transactions - atModelStart!).toBe(1);
    }
  });

  // Each transaction sends BEGIN and its scope with its first statements, and the path's
  // statements are prepared: the message's limits (2 round trips), the turn (2), the reply's
  // limits (2), the question with its search (3: the search is described first) and the answer
  // (2). Before, each statement with parameters waited for its own description first: 28.
  it.skipIf(!serverUrl)('waits for at most 11 database round trips on a server', async () => {
    const client = widgetClient(api.base, key);
    const conversation = await client.started();
    await client.send(conversation, 'How long does delivery take?');
    relay!.take();
    const reply = await client.send(conversation, 'Can I return a tent?');
    expect(reply.body).toContain('event: done');
    expect(relay!.take()).toBeLessThanOrEqual(11);
  });
});
