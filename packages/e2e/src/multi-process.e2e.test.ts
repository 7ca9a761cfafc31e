import { postAgentMessage } from '@replyline/core';
import { findTenantByPublishableKey, schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, startSharedDatabase, type RunningApi, type SharedDatabase } from './harness';
import { readEvents } from '@replyline/api-server/testing';

const DEMO_KEY = 'pk_demo_northwind';
const DEMO_SITE = 'http://localhost:3000';

// Two API processes on one database, as behind a load balancer: what is written through one
// reaches a widget whose live stream is held by the other (Postgres LISTEN/NOTIFY; on the
// embedded database server, its notification relay).
describe('two API processes on one database', () => {
  let database: SharedDatabase;
  let a: RunningApi;
  let b: RunningApi;

  beforeAll(async () => {
    database = await startSharedDatabase();
    // The demo site may chat: on a shared Postgres server another browser test may have moved
    // the demo workspace's allowed websites to a site of its own run.
    const demo = await findTenantByPublishableKey(database.db, DEMO_KEY);
    await database.db
      .update(schema.tenants)
      .set({ allowedOrigins: [DEMO_SITE] })
      .where(eq(schema.tenants.id, demo!.id));
    [a, b] = await Promise.all([
      startApi({ databaseUrl: database.url }),
      startApi({ databaseUrl: database.url }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.stop();
  });

  it('delivers a message sent through one and an agent reply to a subscriber of the other', async () => {
    const started = await fetch(`${a.origin}/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: DEMO_SITE },
      body: JSON.stringify({ key: DEMO_KEY, visitorId: `v_multi_${Date.now()}` }),
    });
    expect(started.status).toBe(200);
    const { conversationId, token } = (await started.json()) as {
      conversationId: string;
      token: string;
    };

    const live = await fetch(`${b.origin}/v1/conversations/${conversationId}/events`, {
      headers: { authorization: `Bearer ${token}`, origin: DEMO_SITE },
    });
    expect(live.status).toBe(200);
    const events = readEvents(live);
    await events.next((e) => e.comment === 'connected');

    const answer = await fetch(`${a.origin}/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: DEMO_SITE,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ text: 'How much does a move cost?' }),
    });
    await answer.text();
    const visitorMessage = await events.next(
      (e) => e.event === 'message' && (e.data as { role: string }).role === 'visitor',
    );
    expect(visitorMessage.data).toMatchObject({ content: 'How much does a move cost?' });
    await events.next(
      (e) => e.event === 'message' && (e.data as { role: string }).role === 'assistant',
    );

    const tenant = await findTenantByPublishableKey(database.db, DEMO_KEY);
    await postAgentMessage(database.db, tenant!.id, conversationId, {
      authorUserId: null,
      content: 'Hi, this is Per from the team.',
    });
    const agent = await events.next(
      (e) => e.event === 'message' && (e.data as { role: string }).role === 'agent',
    );
    expect(agent.data).toMatchObject({ content: 'Hi, this is Per from the team.' });
    expect((await events.next((e) => e.event === 'status')).data).toMatchObject({
      status: 'open',
      botPaused: true,
      handoff: 'person',
    });
    await events.close();
  });
});
