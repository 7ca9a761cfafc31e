import { z } from 'zod';
import { DomainError } from '../../domain-error';
import type { ActionCard, BuiltInIntegration } from '../contract';
import { formatMoney, humanStatus } from '../money';
import {
  assertOwnsOrder,
  normaliseOrderRef,
  requireIdentified,
  signedOrderIds,
} from '../ownership';
import {
  findShopifyOrderByName,
  listShopifyOrdersByEmail,
  orderEmail,
  ZShopifySettings,
  type ShopifyOrder,
} from './shopify-client';

const ZParams = z.object({
  orderId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .describe(
      'The order number the customer mentioned, e.g. "#1001". Leave out for their latest order.',
    ),
});

export const shopifyOrderStatus: BuiltInIntegration<typeof ZParams> = {
  kind: 'shopify.order_status',
  description:
    "Looks up the status, items, total and tracking link of one of the signed-in customer's Shopify orders.",
  parameters: ZParams,
  settings: ZShopifySettings,
  secretSettings: ['accessToken'],
  requiresIdentity: true,
  sideEffects: false,
  async run(ctx, params) {
    requireIdentified(ctx.visitor);
    const settings = ZShopifySettings.parse(ctx.settings);
    const ref = params.orderId ? normaliseOrderRef(params.orderId) : signedOrderIds(ctx.visitor)[0];
    const { signal } = ctx;
    if (ref) {
      const order = await findShopifyOrderByName(settings, ref, { signal });
      if (!order)
        throw new DomainError('not_found', `There is no order #${ref}. Please check the number.`);
      assertOwnsOrder(ctx.visitor, { ref: order.name, email: orderEmail(order) });
      return shopifyOrderCard(order);
    }
    const email = ctx.visitor.email;
    const [latest] = email ? await listShopifyOrdersByEmail(settings, email, { signal }) : [];
    if (!latest) throw new DomainError('not_found', 'There are no orders on your account yet.');
    return shopifyOrderCard(latest);
  },
};

export function shopifyOrderCard(order: ShopifyOrder): ActionCard {
  const money = order.totalPriceSet.shopMoney;
  const trackingUrl = order.fulfillments
    .flatMap((fulfillment) => fulfillment.trackingInfo)
    .map((info) => info.url)
    .find((url): url is string => !!url && /^https?:\/\//.test(url));
  return {
    type: 'order',
    orderId: order.name.replace(/^#/, ''),
    status: order.cancelledAt ? 'Cancelled' : humanStatus(order.displayFulfillmentStatus),
    placedAt: new Date(order.createdAt).toISOString(),
    total: formatMoney(money.amount, money.currencyCode),
    items: order.lineItems.nodes.map(({ name, quantity }) => ({ name, quantity })),
    trackingUrl,
  };
}
