import { randomUUID } from 'node:crypto';
import { createTenant } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from './public/identity';
import { startTestApi, SHOP_ORIGIN, type TestApi } from './testing/test-api';
import { widgetClient, type WidgetClient } from './testing/widget-client';

const GREETINGS = {
  new: 'Welcome! Your first order ships free.',
  returning: 'Good to see you again.',
  vip: 'Welcome back — you are one of our best customers.',
  vipMinOrders: 3,
};

let t: TestDatabase;
let api: TestApi;
let shop: Awaited<ReturnType<typeof createTenant>>;
let widget: WidgetClient;

beforeAll(async () => {
  t = await openTestDatabase();
  shop = await createTenant(t.db, {
    name: 'Fjord Outdoor',
    slug: `greeting-${randomUUID().slice(0, 8)}`,
    allowedOrigins: [SHOP_ORIGIN],
    branding: { greeting: 'Hi!', customerGreetings: GREETINGS },
  });
  api = await startTestApi(t);
  widget = widgetClient(api.base, shop.publishableKey);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await t?.close();
});

function tokenWithOrders(orderIds: string[] | undefined) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: `user-${randomUUID()}`, context: orderIds ? { orderIds } : {} })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(shop.identitySecret));
}

async function greetingOf(identity?: Record<string, unknown>) {
  const reply = await widget.start(identity ? { identity } : {});
  expect(reply.status).toBe(200);
  return reply.json<{ greeting?: string }>().greeting;
}

describe('the greeting for a signed-in customer’s type', () => {
  it('is picked from the orders the identity token signs: none, some, at least the VIP count', async () => {
    expect(await greetingOf({ token: await tokenWithOrders(undefined) })).toBe(GREETINGS.new);
    expect(await greetingOf({ token: await tokenWithOrders([]) })).toBe(GREETINGS.new);
    expect(await greetingOf({ token: await tokenWithOrders(['1', '2']) })).toBe(
      GREETINGS.returning,
    );
    expect(await greetingOf({ token: await tokenWithOrders(['1', '2', '3']) })).toBe(GREETINGS.vip);
  });

  it('is never given for an anonymous visitor or an older signature, which signs no orders', async () => {
    expect(await greetingOf()).toBeUndefined();
    const legacy = {
      userId: 'kari',
      signature: signIdentity(shop.identitySecret, { userId: 'kari' }),
      context: { orderIds: ['1', '2', '3', '4'] },
    };
    expect(await greetingOf(legacy)).toBeUndefined();
  });

  it('is decided by the API: the public widget config does not list the rules', async () => {
    const reply = await widget.call('GET', `/v1/widget/config?key=${shop.publishableKey}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('"greeting":"Hi!"');
    expect(reply.body).not.toContain('customerGreetings');
    expect(reply.body).not.toContain(GREETINGS.vip);
  });
});
