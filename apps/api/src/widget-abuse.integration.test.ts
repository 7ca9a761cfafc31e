import { randomUUID } from 'node:crypto';
import { checkReplyQuota, readReplyQuota } from '@replyline/billing';
import { schema, withTenant, type TenantDb, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { count, eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitSettings, readApiEnv } from './env';
import { parseSse } from './testing/sse';
import { shopTenant, startTestApi, type TestApi } from './testing/test-api';
import { newVisitorId, widgetClient, type ErrorBody } from './testing/widget-client';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
}, 60_000);
afterAll(() => t?.close());

const newShop = () => shopTenant(t, `abuse-${randomUUID().slice(0, 8)}`);

/** Starts an API (or several sharing one namespace: processes of one deployment). */
async function withApis<T>(
  n: number,
  options: Parameters<typeof startTestApi>[1],
  run: (apis: TestApi[]) => Promise<T>,
): Promise<T> {
  const namespace = `test-${randomUUID()}`;
  const apis: TestApi[] = [];
  try {
    for (let i = 0; i < n; i++)
      apis.push(await startTestApi(t, { limitNamespace: namespace, ...options }));
    return await run(apis);
  } finally {
    await Promise.all(apis.map((a) => a.close()));
  }
}

/** An identity token as the shop's server would mint it. */
function tokenFor(secret: string, userId: string) {
  return new SignJWT({ sub: userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

const metered = {
  checkQuota: (id: TenantId, tx: TenantDb) => readReplyQuota(tx, id),
};

async function conversationCount(tenantId: TenantId) {
  const [row] = await withTenant(t.db, tenantId, (tx) =>
    tx
      .select({ n: count() })
      .from(schema.conversations)
      .where(eq(schema.conversations.tenantId, tenantId)),
  );
  return row!.n;
}

describe('draining a tenant’s AI replies', () => {
  it('stops invented visitor ids from one address long before the quota is gone; a real customer elsewhere still gets answers', async () => {
    const shop = await newShop();
    // The production defaults (env.ts), not the test API's generous ones.
    const limits = limitSettings(readApiEnv({}));
    await withApis(1, { ...metered, limits }, async ([api]) => {
      const attacker = widgetClient(api!.base, shop.publishableKey, '127.0.0.1');
      const statuses: number[] = [];
      // The reported attack: 7 invented visitor ids x 19 messages from one IP.
      for (let v = 0; v < 7; v++) {
        const c = await attacker.started();
        for (let m = 0; m < 19; m++)
          statuses.push((await attacker.send(c, 'How long does delivery take?')).status);
      }
      const answered = statuses.filter((s) => s === 200).length;
      const quota = await checkReplyQuota(t.db, shop.tenantId);
      expect(statuses.filter((s) => s === 429).length).toBe(statuses.length - answered);
      expect(answered).toBeLessThanOrEqual(10);
      expect(quota.used).toBe(answered);
      expect(quota.allowed).toBe(true);

      const customer = widgetClient(api!.base, shop.publishableKey, '127.0.0.2');
      const reply = await customer.send(await customer.started(), 'Can I return a tent?');
      expect(reply.status).toBe(200);
      expect(parseSse(reply.body).at(-1)?.event).toBe('done');
    });
  });

  it('gives anonymous visitors from many addresses only a daily share, while signed users keep being answered', async () => {
    const shop = await newShop();
    // 10% of the Free plan's 100 replies a month: 10 a day for all anonymous visitors.
    await withApis(1, { ...metered, limits: { anonymousDailySharePercent: 10 } }, async ([api]) => {
      const statuses: number[] = [];
      for (let i = 10; i < 25; i++) {
        const bot = widgetClient(api!.base, shop.publishableKey, `127.0.0.${i}`);
        statuses.push((await bot.send(await bot.started(), 'How long does delivery take?')).status);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      const refused = await widgetClient(api!.base, shop.publishableKey, '127.0.0.30').started();
      const reply = await widgetClient(api!.base, shop.publishableKey, '127.0.0.30').send(
        refused,
        'Hello?',
      );
      expect(reply.status).toBe(429);
      expect(reply.json<ErrorBody>().error).toMatchObject({
        code: 'replies_exhausted',
        message: expect.stringMatching(/person will answer/),
      });
      expect((await checkReplyQuota(t.db, shop.tenantId)).used).toBe(10);

      const token = await tokenFor(shop.identitySecret, 'customer-1');
      const member = widgetClient(api!.base, shop.publishableKey, '127.0.0.31');
      const signed = await member.started({ identity: { token } });
      expect((await member.send(signed, 'Can I return a tent?')).status).toBe(200);
    });
  });

  it('counts a signed user’s replies per user, whatever browsers or addresses they use', async () => {
    const shop = await newShop();
    await withApis(1, { limits: { userRepliesPerHour: 2 } }, async ([api]) => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const browser = widgetClient(api!.base, shop.publishableKey, `127.0.1.${i + 1}`);
        const identity = { token: await tokenFor(shop.identitySecret, 'heavy-user') };
        const c = await browser.started({ identity });
        statuses.push((await browser.send(c, 'How long does delivery take?')).status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      const someoneElse = widgetClient(api!.base, shop.publishableKey, '127.0.1.1');
      const c = await someoneElse.started({
        identity: { token: await tokenFor(shop.identitySecret, 'light-user') },
      });
      expect((await someoneElse.send(c, 'Can I return a tent?')).status).toBe(200);
    });
  });

  it('shares one count between two API processes on one database', async () => {
    const shop = await newShop();
    await withApis(2, { limits: { ipRepliesPerMinute: 4 } }, async (apis) => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const widget = widgetClient(apis[i % 2]!.base, shop.publishableKey);
        statuses.push(
          (await widget.send(await widget.started(), 'How long does delivery take?')).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    });
  });
});

describe('other limits', () => {
  it('caps conversation starts per address, across processes', async () => {
    const shop = await newShop();
    await withApis(2, { limits: { ipStartsPerMinute: 5 } }, async (apis) => {
      const [a, b] = apis.map((api) => widgetClient(api.base, shop.publishableKey, '127.0.0.3'));
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await (i % 2 ? a : b)!.start()).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await a!.start();
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      const elsewhere = widgetClient(apis[0]!.base, shop.publishableKey, '127.0.0.4');
      expect((await elsewhere.start()).status).toBe(200);
    });
  });

  it('caps the event streams open at once per visitor, across processes, and frees a closed one', async () => {
    const shop = await newShop();
    await withApis(2, { limits: { eventStreamsPerVisitor: 3 } }, async (apis) => {
      const [a, b] = apis.map((api) => widgetClient(api.base, shop.publishableKey));
      const c = await a!.started();
      const open = [await a!.openEvents(c), await b!.openEvents(c), await a!.openEvents(c)];
      expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
      const refused = await b!.openEvents(c);
      expect(refused.status).toBe(429);
      // Another visitor is not affected.
      const other = await a!.openEvents(await a!.started());
      expect(other.status).toBe(200);

      open[1]!.close();
      await expect
        .poll(async () => {
          const again = await b!.openEvents(c);
          if (again.status === 200) again.close();
          return again.status;
        })
        .toBe(200);
      for (const stream of [...open, other]) stream.close();
    });
  });
});

describe('a conversation is stored with its first message', () => {
  it('leaves no row when the chat is only opened, and behaves as an empty conversation until then', async () => {
    const shop = await newShop();
    await withApis(1, {}, async ([api]) => {
      const widget = widgetClient(api!.base, shop.publishableKey);
      const visitorId = newVisitorId();
      const c = await widget.started({ visitorId });
      await widget.started({ visitorId });
      expect(await conversationCount(shop.tenantId)).toBe(0);

      expect((await widget.history(c)).json()).toEqual({ messages: [] });
      const events = await widget.openEvents(c);
      expect(events.status).toBe(200);
      events.close();
      const rating = await widget.rate(c, 5);
      expect(rating.status).toBe(404);
      const feedback = await widget.call(
        'POST',
        `/v1/conversations/${c.conversationId}/messages/${randomUUID()}/feedback`,
        { value: 1 },
        { authorization: `Bearer ${c.token}` },
      );
      expect(feedback.status).toBe(404);
      expect(await conversationCount(shop.tenantId)).toBe(0);

      expect((await widget.send(c, 'How long does delivery take?')).status).toBe(200);
      expect(await conversationCount(shop.tenantId)).toBe(1);
      expect((await widget.send(c, 'And to Bergen?')).status).toBe(200);
      const resumed = await widget.started({ visitorId });
      expect(resumed).toMatchObject({ resumed: true, conversationId: c.conversationId });
      expect(resumed.messages).toHaveLength(4);
      expect((await widget.rate(resumed, 5)).status).toBe(204);
    });
  });

  it('opens a ticket when a visitor asks for a person before writing anything', async () => {
    const shop = await newShop();
    await withApis(1, {}, async ([api]) => {
      const widget = widgetClient(api!.base, shop.publishableKey);
      const c = await widget.started();
      const res = await widget.escalate(c, {
        email: 'kari@example.com',
        message: 'Call me, please.',
      });
      expect(res.status).toBe(201);
      expect(res.json<{ ticketNumber: number }>().ticketNumber).toBeGreaterThan(0);
      expect(await conversationCount(shop.tenantId)).toBe(1);
      const history = (await widget.history(c)).json<{ messages: { content: string }[] }>();
      expect(history.messages.map((m) => m.content)).toEqual(['Call me, please.']);
    });
  });
});
