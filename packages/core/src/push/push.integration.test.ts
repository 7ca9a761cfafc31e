// Web Push end to end against a local push service: the payload is decrypted with the
// browser's private key (RFC 8291) and the VAPID JWT verified (RFC 8292) by code written from
// the RFCs (push-receiver.testing.ts); 404/410 forget the device; 503 is retried by the queue.
import {
  asUserId,
  openQueue,
  QUEUES,
  schema,
  withTenant,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignConversation, createTicket, updateTicket } from '../conversations';
import { DomainError } from '../domain-error';
import { newMember, newWorkspace } from '../testing';
import { deliverPush, type PushDeliveryDeps } from './deliver-push';
import { deriveVapidKeys, vapidKeys } from './env';
import { getPushSubscription, subscribePush, unsubscribePush } from './manage-push-subscriptions';
import type { PushContent } from './push-content';
import type { PushJob } from './push-job';
import {
  decryptAes128gcm,
  newBrowserKeys,
  startPushReceiver,
  verifyVapid,
  type BrowserKeys,
} from './push-receiver.testing';
import { startPushWorker } from './push-worker';
import { pushAssignment, pushNewChat } from './queue-pushes';

const { conversations, messages, pushSubscriptions } = schema;

let t: TestDatabase;
let receiver: Awaited<ReturnType<typeof startPushReceiver>>;
const vapid = { ...deriveVapidKeys('push-test-key'), subject: 'mailto:ops@replyline.test' };

beforeAll(async () => {
  t = await openTestDatabase();
  receiver = await startPushReceiver();
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

function capturingQueue() {
  const jobs: { name: string; data: PushJob; options: Record<string, unknown> }[] = [];
  const send = async (name: string, data: object, options: object = {}) => {
    jobs.push({ name, data: data as PushJob, options: options as Record<string, unknown> });
    return `job-${jobs.length}`;
  };
  return Object.assign({ send } as unknown as Pick<PgBoss, 'send'>, { jobs });
}

const deps = (): PushDeliveryDeps => ({ db: t.db, vapid, allowLocal: true });

/** A workspace with an owner, an agent whose phone subscribed, and a visitor's chat. */
async function workspace(opts: { notifyUnassigned?: boolean } = {}) {
  const tenantId = (await newWorkspace(t.db, 'Push Co')).tenantId as TenantId;
  const owner = asUserId(await newMember(t.db, tenantId, 'owner'));
  const agent = asUserId(await newMember(t.db, tenantId, 'agent'));
  const phone = newBrowserKeys();
  const endpoint = `${receiver.url}/push/${tenantId}/${agent}`;
  await subscribePush(t.db, tenantId, agent, {
    endpoint,
    keys: phone.json,
    notifyUnassigned: opts.notifyUnassigned ?? false,
    deviceLabel: 'Phone',
  });
  const conversationId = await withTenant(t.db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(conversations)
      .values({ tenantId, visitorId: 'v-1', customerName: 'Maja' })
      .returning({ id: conversations.id });
    await tx.insert(messages).values({
      tenantId,
      conversationId: row!.id,
      role: 'visitor',
      content: 'Where is my   parcel?\nIt was due Monday.',
    });
    return row!.id;
  });
  return {
    tenantId,
    owner,
    agent,
    phone,
    endpoint,
    path: new URL(endpoint).pathname,
    conversationId,
  };
}

/** What the push service got on `path`, decrypted and its VAPID checked. */
function openPush(path: string, browser: BrowserKeys, index = -1) {
  const push = receiver.to(path).at(index);
  if (!push) throw new Error(`no push reached ${path}`);
  const { key, claims } = verifyVapid(push.headers.authorization);
  return {
    push,
    key,
    claims,
    content: JSON.parse(decryptAes128gcm(push.body, browser)) as PushContent,
  };
}

describe('pushes to a subscribed device', () => {
  it('a chat assigned to me arrives encrypted for my browser, signed with our VAPID key', async () => {
    const w = await workspace();
    await assignConversation(t.db, w.tenantId, w.owner, {
      conversationId: w.conversationId,
      assigneeUserId: w.agent,
    });
    const queue = capturingQueue();
    const queued = await pushAssignment({ db: t.db, queue }, w.tenantId, {
      assigneeUserId: w.agent,
      byUserId: w.owner,
      conversationId: w.conversationId,
    });
    expect(queued).toBe(1);
    const [job] = queue.jobs;
    expect(job!.name).toBe(QUEUES.pushDelivery);
    // Ids only: the queue never holds the customer's words.
    expect(JSON.stringify(job!.data)).not.toContain('parcel');
    expect(job!.options).toMatchObject({ retryLimit: 3, retryBackoff: true });

    expect(await deliverPush(deps(), job!.data)).toBe('sent');
    const { push, key, claims, content } = openPush(w.path, w.phone);
    expect(content).toEqual({
      title: 'Chat assigned to you',
      body: 'Maja: Where is my parcel? It was due Monday.',
      url: `/inbox?conversation=${w.conversationId}`,
      tag: `chat-${w.conversationId}`,
    });
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(push.headers.ttl)).toBe(86_400);
    expect(push.headers.urgency).toBe('high');
    expect(key).toBe(vapid.publicKey);
    expect(claims.aud).toBe(receiver.url);
    expect(claims.sub).toBe(vapid.subject);
    const now = Math.floor(Date.now() / 1000);
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.exp).toBeLessThanOrEqual(now + 24 * 3600);
    // Another browser's keys cannot read it.
    expect(() => decryptAes128gcm(push.body, newBrowserKeys())).toThrow();
  });

  it('a ticket assigned to me by someone else pushes; taking it myself does not', async () => {
    const w = await workspace();
    const { ticketId } = await createTicket(t.db, w.tenantId, w.owner, {
      subject: 'Refund for order 1001',
      customerEmail: 'maja@example.com',
      customerName: 'Maja',
      message: 'Please refund me.',
    });
    await updateTicket(t.db, w.tenantId, w.owner, { ticketId, assigneeUserId: w.agent });
    const queue = capturingQueue();
    const push = { db: t.db, queue };
    expect(
      await pushAssignment(push, w.tenantId, {
        assigneeUserId: w.agent,
        byUserId: w.owner,
        ticketId,
      }),
    ).toBe(1);
    expect(
      await pushAssignment(push, w.tenantId, {
        assigneeUserId: w.agent,
        byUserId: w.agent,
        ticketId,
      }),
    ).toBe(0);
    expect(
      await pushAssignment(push, w.tenantId, { assigneeUserId: null, byUserId: w.owner, ticketId }),
    ).toBe(0);
    expect(await deliverPush(deps(), queue.jobs[0]!.data)).toBe('sent');
    const { content } = openPush(w.path, w.phone);
    expect(content.title).toMatch(/^Ticket #\d+ assigned to you$/);
    expect(content).toMatchObject({
      body: 'Maja: Refund for order 1001',
      url: `/tickets/${ticketId}`,
    });
  });

  it('a new chat reaches only devices that opted in, and not once someone took it', async () => {
    const optedIn = await workspace({ notifyUnassigned: true });
    const quiet = await workspace({ notifyUnassigned: false });
    const queue = capturingQueue();
    expect(await pushNewChat({ db: t.db, queue }, optedIn.tenantId, optedIn.conversationId)).toBe(
      1,
    );
    expect(await pushNewChat({ db: t.db, queue }, quiet.tenantId, quiet.conversationId)).toBe(0);
    expect(await deliverPush(deps(), queue.jobs[0]!.data)).toBe('sent');
    expect(openPush(optedIn.path, optedIn.phone).content).toMatchObject({
      title: 'New chat',
      body: 'Maja: Where is my parcel? It was due Monday.',
    });

    await assignConversation(t.db, optedIn.tenantId, optedIn.owner, {
      conversationId: optedIn.conversationId,
      assigneeUserId: optedIn.owner,
    });
    const before = receiver.to(optedIn.path).length;
    expect(await deliverPush(deps(), queue.jobs[0]!.data)).toBe('skipped');
    expect(receiver.to(optedIn.path).length).toBe(before);
  });
});

describe('subscriptions', () => {
  it('404 or 410 from the push service deletes the subscription; other errors are retried', async () => {
    for (const status of [404, 410]) {
      const w = await workspace();
      const queue = capturingQueue();
      await pushAssignment({ db: t.db, queue }, w.tenantId, {
        assigneeUserId: w.agent,
        byUserId: w.owner,
        conversationId: w.conversationId,
      });
      receiver.answerNext(w.path, [status]);
      expect(await deliverPush(deps(), queue.jobs[0]!.data)).toBe('expired');
      expect(await getPushSubscription(t.db, w.tenantId, w.agent, w.endpoint)).toEqual({
        subscribed: false,
        notifyUnassigned: false,
      });
    }
    const w = await workspace();
    const queue = capturingQueue();
    await pushAssignment({ db: t.db, queue }, w.tenantId, {
      assigneeUserId: w.agent,
      byUserId: w.owner,
      conversationId: w.conversationId,
    });
    receiver.answerNext(w.path, [503]);
    await expect(deliverPush(deps(), queue.jobs[0]!.data)).rejects.toThrow(
      'The push service answered 503: nope',
    );
    expect((await getPushSubscription(t.db, w.tenantId, w.agent, w.endpoint)).subscribed).toBe(
      true,
    );
  });

  it('the queue retries a push until the push service takes it', async () => {
    const w = await workspace();
    receiver.answerNext(w.path, [503, 429]);
    const boss = await openQueue(t.queueTarget, {
      supervise: false,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    boss.on('error', () => undefined);
    try {
      await startPushWorker(boss, { db: t.db, vapid, allowLocal: true });
      await pushAssignment(
        { db: t.db, queue: boss, retry: { retryDelay: 0, retryBackoff: false } },
        w.tenantId,
        { assigneeUserId: w.agent, byUserId: w.owner, conversationId: w.conversationId },
      );
      await expect
        .poll(() => receiver.to(w.path).map((r) => r.status), { timeout: 30_000, interval: 200 })
        .toEqual([503, 429, 201]);
      expect(openPush(w.path, w.phone).content.title).toBe('Chat assigned to you');
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    }
  });

  it('refuses what is not a browser subscription, with a reason', async () => {
    const w = await workspace();
    const bad = [
      { endpoint: 'ftp://push.example/x', keys: w.phone.json },
      { endpoint: `${receiver.url}/x`, keys: { ...w.phone.json, p256dh: 'AAAA' } },
      { endpoint: `${receiver.url}/x`, keys: { ...w.phone.json, auth: 'not base64 !' } },
    ];
    for (const input of bad) {
      const refused = await subscribePush(t.db, w.tenantId, w.agent, input).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('bad_input');
    }
    const rows = await withTenant(t.db, w.tenantId, (tx) =>
      tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.tenantId, w.tenantId)),
    );
    expect(rows).toHaveLength(1);
  });

  it('a device moves to the member who signed in on it; unsubscribing is per member', async () => {
    const w = await workspace();
    await subscribePush(t.db, w.tenantId, w.owner, { endpoint: w.endpoint, keys: w.phone.json });
    expect((await getPushSubscription(t.db, w.tenantId, w.agent, w.endpoint)).subscribed).toBe(
      false,
    );
    expect(await unsubscribePush(t.db, w.tenantId, w.agent, w.endpoint)).toEqual({
      removed: false,
    });
    expect(await unsubscribePush(t.db, w.tenantId, w.owner, w.endpoint)).toEqual({ removed: true });
  });

  it("never pushes one workspace's chat to another workspace's device", async () => {
    const a = await workspace({ notifyUnassigned: true });
    const b = await workspace({ notifyUnassigned: true });
    const queue = capturingQueue();
    await pushNewChat({ db: t.db, queue }, a.tenantId, a.conversationId);
    expect(queue.jobs.map((j) => j.data.subscriptionId)).toHaveLength(1);
    const [bDevice] = await withTenant(t.db, b.tenantId, (tx) =>
      tx
        .select({ id: pushSubscriptions.id })
        .from(pushSubscriptions)
        .where(and(eq(pushSubscriptions.tenantId, b.tenantId))),
    );
    // A forged job naming b's device under a's workspace finds no device: RLS and the scope.
    expect(await deliverPush(deps(), { ...queue.jobs[0]!.data, subscriptionId: bDevice!.id })).toBe(
      'skipped',
    );
    expect(receiver.to(b.path)).toHaveLength(0);
  });

  it('VAPID keys: configured pair wins, both or neither, derived pair is stable', () => {
    expect(vapidKeys({} as NodeJS.ProcessEnv)).toEqual({
      ...deriveVapidKeys(),
      subject: 'mailto:support@replyline.example',
    });
    expect(deriveVapidKeys('one')).toEqual(deriveVapidKeys('one'));
    expect(deriveVapidKeys('one').publicKey).not.toBe(deriveVapidKeys('two').publicKey);
    expect(Buffer.from(deriveVapidKeys('one').publicKey, 'base64url')).toHaveLength(65);
    const configured = { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey };
    expect(vapidKeys(configured as NodeJS.ProcessEnv)).toMatchObject({
      publicKey: vapid.publicKey,
      privateKey: vapid.privateKey,
    });
    expect(() => vapidKeys({ VAPID_PUBLIC_KEY: vapid.publicKey } as NodeJS.ProcessEnv)).toThrow(
      'Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither.',
    );
    expect(() =>
      vapidKeys({ ...configured, VAPID_SUBJECT: 'ops@example.com' } as NodeJS.ProcessEnv),
    ).toThrow('VAPID_SUBJECT must be a mailto: or https:// address.');
  });
});
