import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRunContext } from '../contract';
import {
  sampleShopifyOrder,
  startShopifyServer,
  type ShopifyServer,
} from '../testing/shopify-server';
import { shopifyOrderStatus } from './shopify-order-status';

let shop: ShopifyServer;

beforeAll(async () => {
  shop = await startShopifyServer([
    sampleShopifyOrder(),
    sampleShopifyOrder({
      id: 'gid://shopify/Order/5501002',
      name: '#1002',
      email: 'grace@example.com',
      customer: { email: 'grace@example.com' },
      displayFulfillmentStatus: 'UNFULFILLED',
      fulfillments: [],
    }),
  ]);
});
afterAll(() => shop.close());

function ctx(
  visitor: Partial<ActionRunContext['visitor']>,
  settings: Record<string, unknown> = {},
) {
  return {
    tenantId: '00000000-0000-4000-8000-000000000001',
    visitor: { conversationId: 'c1', identified: true, ...visitor },
    settings: {
      shopUrl: shop.url,
      accessToken: shop.accessToken,
      apiVersion: '2025-07',
      ...settings,
    },
  } satisfies ActionRunContext;
}

describe('shopify.order_status against an Admin GraphQL server', () => {
  it('looks an order up by its name, with the token header and the API version in the path', async () => {
    const card = await shopifyOrderStatus.run(ctx({ email: 'ada@example.com' }), {
      orderId: '1001',
    });
    expect(card).toEqual({
      type: 'order',
      orderId: '1001',
      status: 'Fulfilled',
      placedAt: '2026-11-28T09:15:00.000Z',
      total: '$64.80',
      items: [{ name: 'Linen shirt', quantity: 2 }],
      trackingUrl: 'https://tracking.example.com/1Z999AA10123456784',
    });
    expect(shop.queries.at(-1)).toMatchObject({
      version: '2025-07',
      variables: { query: 'name:"#1001"' },
    });
  });

  it("finds the customer's newest order by email", async () => {
    const card = await shopifyOrderStatus.run(ctx({ email: 'grace@example.com' }), {});
    expect(card).toMatchObject({ orderId: '1002', status: 'Unfulfilled' });
    expect(shop.queries.at(-1)?.variables).toEqual({ query: 'email:"grace@example.com"' });
  });

  it("refuses another customer's order and an anonymous visitor", async () => {
    await expect(
      shopifyOrderStatus.run(ctx({ email: 'ada@example.com' }), { orderId: '#1002' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      shopifyOrderStatus.run(ctx({ identified: false, email: 'ada@example.com' }), {
        orderId: '1001',
      }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('keeps search syntax in an order number from widening the query', async () => {
    await expect(
      shopifyOrderStatus.run(ctx({ email: 'ada@example.com' }), {
        orderId: '1001" OR email:"grace@example.com',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('says clearly when the token is wrong', async () => {
    await expect(
      shopifyOrderStatus.run(ctx({ email: 'ada@example.com' }, { accessToken: 'shpat_wrong' }), {
        orderId: '1001',
      }),
    ).rejects.toMatchObject({
      code: 'precondition_failed',
      message: expect.stringMatching(/refused the access token \(401\)/),
    });
  });

  it('bounds an oversized or slow answer', async () => {
    shop.knobs.padBytes = 600 * 1024;
    await expect(
      shopifyOrderStatus.run(ctx({ email: 'ada@example.com' }), { orderId: '1001' }),
    ).rejects.toMatchObject({
      message: 'Shopify sent an answer too large to use.',
    });
    shop.knobs = { delayMs: 2_000 };
    await expect(
      shopifyOrderStatus.run(
        { ...ctx({ email: 'ada@example.com' }), signal: AbortSignal.timeout(200) },
        { orderId: '1001' },
      ),
    ).rejects.toMatchObject({ message: 'Shopify did not answer in time.' });
    shop.knobs = {};
  });
});
