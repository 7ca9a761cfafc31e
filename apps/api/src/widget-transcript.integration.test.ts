// POST /v1/conversations/:id/transcript over HTTP: the copy is queued for a valid address,
// a person-readable 400 / 404 / 429 otherwise (per conversation, per visitor, per network, the
// last counted across API processes), and never an email for another workspace.
import { randomUUID } from 'node:crypto';
import { QUEUES, schema } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueVisitorToken } from './public/visitor-token';
import { shopTenant, startTestApi, type TestApi } from './testing/test-api';
import {
  newVisitorId,
  widgetClient,
  type ErrorBody,
  type Started,
  type WidgetClient,
} from './testing/widget-client';

let t: TestDatabase;
let api: TestApi;
let shop: Awaited<ReturnType<typeof shopTenant>>;
const queued: { name: string; data: unknown }[] = [];
const emailQueue = {
  send: async (...args: unknown[]) => {
    queued.push({ name: String(args[0]), data: args[1] });
    return null;
  },
};
/** The limit counters' namespace: another test API given it is another process of this deployment. */
const limitNamespace = `transcripts-${randomUUID()}`;

beforeAll(async () => {
  t = await openTestDatabase();
  shop = await shopTenant(t, `mail-${randomUUID().slice(0, 8)}`);
  api = await startTestApi(t, { emailQueue, limitNamespace });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await t?.close();
});

const ask = (client: WidgetClient, c: Started, body: unknown) =>
  client.call('POST', `/v1/conversations/${c.conversationId}/transcript`, body, {
    authorization: `Bearer ${c.token}`,
  });

/** A stored conversation: one question, answered. */
async function chatted(client: WidgetClient, body: Record<string, unknown> = {}) {
  const c = await client.started(body);
  const sent = await client.send(c, 'How long does delivery take?');
  expect(sent.status).toBe(200);
  return c;
}

async function transcriptsTo(to: string) {
  return t.db
    .select({ id: schema.outboundEmails.id, text: schema.outboundEmails.text })
    .from(schema.outboundEmails)
    .where(
      and(
        eq(schema.outboundEmails.to, to),
        eq(schema.outboundEmails.template, 'conversation-transcript'),
      ),
    );
}

describe('emailing the visitor a transcript', () => {
  it('queues the copy (202, masked address) and refuses a wrong address with a sentence', async () => {
    const client = widgetClient(api.base, shop.publishableKey, '127.0.0.41');
    const c = await chatted(client);
    const to = `anna-${c.conversationId.slice(0, 6)}@example.com`;

    const bad = await ask(client, c, { email: 'anna at example' });
    expect(bad.status).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toBe(
      'Invalid request. email: enter a valid email address, such as name@example.com.',
    );

    const ok = await ask(client, c, { email: to, timeZone: 'Europe/Oslo' });
    expect(ok.status).toBe(202);
    expect(ok.json()).toEqual({ sentTo: 'a…@example.com' });
    const emails = await transcriptsTo(to);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain('How long does delivery take?');
    expect(emails[0]!.text).toContain('3 to 5 business days');
    expect(queued).toContainEqual({ name: QUEUES.sendEmail, data: { emailId: emails[0]!.id } });
  });

  it('answers 404 for a conversation not stored yet and for another workspace’s, sending nothing', async () => {
    const client = widgetClient(api.base, shop.publishableKey, '127.0.0.42');
    const empty = await client.started();
    const to = `nobody-${empty.conversationId.slice(0, 6)}@example.com`;
    const notYet = await ask(client, empty, { email: to });
    expect(notYet.status).toBe(404);
    expect(notYet.json<ErrorBody>().error.message).toBe('There is no conversation to email yet.');

    // A token another workspace's widget holds, naming this shop's conversation.
    const other = await shopTenant(t, `other-${randomUUID().slice(0, 8)}`);
    const victim = await chatted(client);
    const foreign = {
      ...victim,
      token: issueVisitorToken({
        tenantId: other.tenantId,
        conversationId: victim.conversationId,
        visitorId: newVisitorId(),
      }),
    };
    const refused = await ask(client, foreign, { email: to });
    expect(refused.status).toBe(404);
    expect(await transcriptsTo(to)).toHaveLength(0);
  });

  it('allows three copies of a conversation an hour, then 429 with the wait', async () => {
    const client = widgetClient(api.base, shop.publishableKey, '127.0.0.43');
    const c = await chatted(client);
    const to = `often-${c.conversationId.slice(0, 6)}@example.com`;
    for (let i = 0; i < 3; i++) expect((await ask(client, c, { email: to })).status).toBe(202);

    const fourth = await ask(client, c, { email: to });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(3_500);
    expect(fourth.json<ErrorBody>().error.message).toMatch(
      /^This conversation has already been emailed 3 times in the last hour\. You can ask for another copy in \d+ minutes\.$/,
    );
    expect(await transcriptsTo(to)).toHaveLength(3);
  });

  it('caps one visitor’s copies across conversations', async () => {
    const client = widgetClient(api.base, shop.publishableKey, '127.0.0.44');
    const visitorId = newVisitorId();
    const first = await chatted(client, { visitorId });
    // The same visitor's next conversation (the first one ended).
    const ended = await client.call(
      'POST',
      `/v1/conversations/${first.conversationId}/end`,
      {},
      {
        authorization: `Bearer ${first.token}`,
      },
    );
    expect(ended.status).toBe(204);
    const second = await chatted(client, { visitorId });
    expect(second.conversationId).not.toBe(first.conversationId);
    const to = `many-${first.conversationId.slice(0, 6)}@example.com`;

    for (const c of [first, first, first, second, second])
      expect((await ask(client, c, { email: to })).status).toBe(202);
    const sixth = await ask(client, second, { email: to });
    expect(sixth.status).toBe(429);
    expect(sixth.json<ErrorBody>().error.message).toBe(
      'You have asked for several copies by email this hour. Please try again in an hour.',
    );
    expect(await transcriptsTo(to)).toHaveLength(5);
  });

  it('caps the copies asked from one network at 20 an hour, counted across API processes', async () => {
    // A second process of the same deployment: the counts live in the shared database.
    const second = await startTestApi(t, { emailQueue, limitNamespace });
    try {
      const clients = [api.base, second.base].map((base) =>
        widgetClient(base, shop.publishableKey, '127.0.0.45'),
      );
      // Seven visitors, a conversation each, three requests each: every one stays within its
      // conversation's cap (3) and its visitor's (5), so only the network's cap can refuse.
      const chats = await Promise.all(
        Array.from({ length: 7 }, (_, i) => chatted(clients[i % 2]!)),
      );
      const to = `office-${chats[0]!.conversationId.slice(0, 6)}@example.com`;
      for (let i = 0; i < 20; i++) {
        const reply = await ask(clients[i % 2]!, chats[Math.floor(i / 3)]!, { email: to });
        expect(reply.status).toBe(202);
      }

      const over = await ask(clients[0]!, chats[6]!, { email: to });
      expect(over.status).toBe(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(3_500);
      expect(over.json<ErrorBody>().error.message).toBe(
        'Many copies have been emailed from your network this hour. Please try again later.',
      );
      const sent = await transcriptsTo(to);
      expect(sent).toHaveLength(20);
      const jobs = sent.map((email) => ({ name: QUEUES.sendEmail, data: { emailId: email.id } }));
      expect(queued).toEqual(expect.arrayContaining(jobs));

      // Another network is not held back by this one's copies.
      const elsewhere = widgetClient(second.base, shop.publishableKey, '127.0.0.46');
      expect((await ask(elsewhere, await chatted(elsewhere), { email: to })).status).toBe(202);
    } finally {
      await second.close();
    }
  });
});
