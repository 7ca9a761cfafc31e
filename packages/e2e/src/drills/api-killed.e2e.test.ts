import { startChatStub, type ChatStub } from '@replyline/ai/testing';
import { readEvents } from '@replyline/api-server/testing';
import { findTenantByPublishableKey, schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, startSharedDatabase, type RunningApi, type SharedDatabase } from '../harness';
import { DEMO_KEY, DEMO_SITE, openVisitor, type Visitor } from './visitors';

const QUESTION = 'How much does a move cost?';

interface TranscriptMessage {
  id: string;
  role: string;
  content: string;
}

// The API process is killed mid-stream: an answer is streaming from the model when the process
// gets SIGKILL. A new process starts on the same database; the widget asks again about the
// message it was acknowledged for (retryOf: the id its `visitor_message` event gave). The
// message must be stored exactly once, and the visitor must get one answer, also when asking
// once more (the stored answer is sent again, nothing new is stored).
describe('drill: the API process is killed mid-stream', () => {
  let database: SharedDatabase;
  let stub: ChatStub;
  const apis: RunningApi[] = [];

  beforeAll(async () => {
    database = await startSharedDatabase();
    const demo = await findTenantByPublishableKey(database.db, DEMO_KEY);
    await database.db
      .update(schema.tenants)
      .set({ allowedOrigins: [DEMO_SITE] })
      .where(eq(schema.tenants.id, demo!.id));
    stub = await startChatStub();
  }, 120_000);
  afterAll(async () => {
    for (const api of apis) await api.stop();
    await stub?.close();
    await database?.stop();
  });

  const startModelApi = async () => {
    const api = await startApi({
      databaseUrl: database.url,
      env: { OPENAI_API_KEY: stub.apiKey, OPENAI_BASE_URL: stub.baseURL, RUN_WORKERS: 'false' },
    });
    apis.push(api);
    return api;
  };
  const transcript = async (api: RunningApi, visitor: Visitor) => {
    const res = await fetch(`${api.origin}/v1/conversations/${visitor.conversationId}/messages`, {
      headers: { authorization: `Bearer ${visitor.token}`, origin: DEMO_SITE },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { messages: TranscriptMessage[] }).messages;
  };
  const askAgain = async (api: RunningApi, visitor: Visitor, messageId: string) => {
    const res = await fetch(`${api.origin}/v1/conversations/${visitor.conversationId}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: DEMO_SITE,
        authorization: `Bearer ${visitor.token}`,
      },
      body: JSON.stringify({ text: QUESTION, retryOf: messageId }),
      signal: AbortSignal.timeout(30_000),
    });
    expect(res.status).toBe(200);
    const events = readEvents(res, 30_000);
    const echoed = await events.next((e) => e.event === 'visitor_message');
    const done = await events.next((e) => e.event === 'done' || e.event === 'error');
    return { echoed: echoed.data as { id: string }, done };
  };

  it('stores the message once; asking again after the restart gets one answer, never a duplicate', async () => {
    // The first answer streams a few words, then the model goes quiet: the process dies mid-answer.
    stub.queue({ kind: 'stall', text: 'A move within the city starts at' });
    stub.setDefault({ kind: 'text', text: 'A move within the city starts at 4 900 kronor.' });
    const first = await startModelApi();
    const visitor = await openVisitor(first.origin, `v_drill_kill_${Date.now()}`);
    await visitor.live.close();
    const streaming = await fetch(
      `${first.origin}/v1/conversations/${visitor.conversationId}/messages`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: DEMO_SITE,
          authorization: `Bearer ${visitor.token}`,
        },
        body: JSON.stringify({ text: QUESTION }),
      },
    );
    expect(streaming.status).toBe(200);
    const events = readEvents(streaming, 30_000);
    const acknowledged = (await events.next((e) => e.event === 'visitor_message')).data as {
      id: string;
    };
    await events.next((e) => e.event === 'token');
    first.child!.kill('SIGKILL');
    await new Promise((resolve) => first.child!.once('exit', resolve));
    // The widget's stream breaks off without `done`.
    await expect(events.next((e) => e.event === 'done')).rejects.toThrow();

    const second = await startModelApi();
    const before = await transcript(second, visitor);
    expect(before.filter((m) => m.role === 'visitor')).toEqual([
      expect.objectContaining({ id: acknowledged.id, content: QUESTION }),
    ]);
    expect(before.filter((m) => m.role === 'assistant')).toHaveLength(0);

    // The widget asks again about its message: answered now, the message not stored again.
    const retried = await askAgain(second, visitor, acknowledged.id);
    expect(retried.echoed.id).toBe(acknowledged.id);
    expect(retried.done.event).toBe('done');
    const answerId = (retried.done.data as { messageId: string }).messageId;
    // Asking once more (a second reconnect) sends the stored answer again: nothing new stored.
    const again = await askAgain(second, visitor, acknowledged.id);
    expect((again.done.data as { messageId: string }).messageId).toBe(answerId);

    const after = await transcript(second, visitor);
    const visitorMessages = after.filter((m) => m.role === 'visitor');
    const answers = after.filter((m) => m.role === 'assistant');
    expect(visitorMessages.map((m) => m.id)).toEqual([acknowledged.id]);
    expect(answers.map((m) => m.id)).toEqual([answerId]);
    expect(answers[0]!.content).toContain('4 900 kronor');
    // A message of another conversation (or a made-up id) cannot be asked about here.
    const stranger = await fetch(
      `${second.origin}/v1/conversations/${visitor.conversationId}/messages`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: DEMO_SITE,
          authorization: `Bearer ${visitor.token}`,
        },
        body: JSON.stringify({ text: QUESTION, retryOf: '00000000-0000-4000-8000-000000000000' }),
      },
    );
    expect(stranger.status).toBe(404);
    console.log(
      `[drills] API killed mid-stream: 1 message sent, acknowledged and stored once; after the restart ` +
        `asked again twice: ${answers.length} answer stored, the same answer sent both times`,
    );
  }, 300_000);
});
