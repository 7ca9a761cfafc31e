import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRunContext } from '../contract';
import {
  sampleWooOrder,
  startWooCommerceServer,
  type WooCommerceServer,
} from '../testing/woocommerce-server';
import { wooCommerceOrderStatus } from './woocommerce-order-status';

let shop: WooCommerceServer;

beforeAll(async () => {
  shop = await startWooCommerceServer([
    sampleWooOrder(),
    sampleWooOrder({
      id: 1002,
      number: '1002',
      status: 'processing',
      customer_id: 8,
      billing: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' },
      meta_data: [],
    }),
    sampleWooOrder({
      id: 1003,
      number: '1003',
      date_created_gmt: '2026-12-01T08:00:00',
      meta_data: [],
    }),
  ]);
  shop.notes.set(1003, [
    { id: 1, note: 'Shipped! Follow it at https://tracking.example.com/ZZ1', customer_note: true },
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
      storeUrl: shop.url,
      consumerKey: shop.consumerKey,
      consumerSecret: shop.consumerSecret,
      ...settings,
    },
  } satisfies ActionRunContext;
}

describe('woocommerce.order_status against a WooCommerce v3 server', () => {
  it("shows the signed-in customer's order with items, total and the tracking link", async () => {
    const card = await wooCommerceOrderStatus.run(ctx({ email: 'Ada@Example.com' }), {
      orderId: '#1001',
    });
    expect(card).toEqual({
      type: 'order',
      orderId: '1001',
      status: 'Completed',
      placedAt: '2026-11-28T09:15:00.000Z',
      total: '€64.80',
      items: [
        { name: 'Linen shirt', quantity: 2 },
        { name: 'Gift wrap', quantity: 1 },
      ],
      trackingUrl: 'https://tracking.example.com/PN123456789SE',
    });
    expect(shop.requests.at(-1)?.path).toBe('/wp-json/wc/v3/orders/1001');
  });

  it("finds the customer's newest order by email, with the tracking link from a customer note", async () => {
    const card = await wooCommerceOrderStatus.run(ctx({ email: 'ada@example.com' }), {});
    expect(card).toMatchObject({
      orderId: '1003',
      trackingUrl: 'https://tracking.example.com/ZZ1',
    });
  });

  it("refuses another customer's order, even when the model names it", async () => {
    await expect(
      wooCommerceOrderStatus.run(ctx({ email: 'ada@example.com' }), { orderId: '1002' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/not on your account/),
    });
  });

  it('shows an order the signed context vouches for, and none to an anonymous visitor', async () => {
    const vouched = ctx({ externalId: 'u-9', context: { orderIds: ['1002'] } });
    await expect(wooCommerceOrderStatus.run(vouched, {})).resolves.toMatchObject({
      orderId: '1002',
    });
    const anonymous = ctx({ identified: false, email: 'grace@example.com' });
    await expect(wooCommerceOrderStatus.run(anonymous, { orderId: '1002' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('says clearly when the key is wrong or the order does not exist', async () => {
    await expect(
      wooCommerceOrderStatus.run(
        ctx({ email: 'ada@example.com' }, { consumerSecret: 'cs_wrong' }),
        {
          orderId: '1001',
        },
      ),
    ).rejects.toMatchObject({
      code: 'precondition_failed',
      message: expect.stringMatching(/refused the API key \(401\)/),
    });
    await expect(
      wooCommerceOrderStatus.run(ctx({ email: 'ada@example.com' }), { orderId: '4040' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('bounds an oversized or slow answer', async () => {
    shop.knobs.padBytes = 600 * 1024;
    await expect(
      wooCommerceOrderStatus.run(ctx({ email: 'ada@example.com' }), { orderId: '1001' }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: 'WooCommerce sent an answer too large to use.',
    });
    shop.knobs = { delayMs: 2_000 };
    const started = Date.now();
    await expect(
      wooCommerceOrderStatus.run(
        { ...ctx({ email: 'ada@example.com' }), signal: AbortSignal.timeout(200) },
        { orderId: '1001' },
      ),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: 'WooCommerce did not answer in time.',
    });
    expect(Date.now() - started).toBeLessThan(1_500);
    shop.knobs = {};
  });
});
