import { z } from 'zod';
import { DomainError } from '../../domain-error';
import type { ActionRunContext, BuiltInIntegration } from '../contract';
import {
  assertOwnsOrder,
  normaliseOrderRef,
  requireIdentified,
  signedOrderIds,
} from '../ownership';
import {
  getWooOrder,
  listWooCustomerNotes,
  listWooOrdersByEmail,
  ZWooCommerceSettings,
  type WooOrder,
} from './woocommerce-client';
import { trackingUrlOf, wooOrderCard } from './woocommerce-order-card';

const ZParams = z.object({
  orderId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .describe(
      'The order number the customer mentioned, e.g. "1001". Leave out for their latest order.',
    ),
});

export const wooCommerceOrderStatus: BuiltInIntegration<typeof ZParams> = {
  kind: 'woocommerce.order_status',
  description:
    "Looks up the status, items, total and tracking link of one of the signed-in customer's WooCommerce orders.",
  parameters: ZParams,
  settings: ZWooCommerceSettings,
  secretSettings: ['consumerKey', 'consumerSecret'],
  requiresIdentity: true,
  sideEffects: false,
  async run(ctx, params) {
    requireIdentified(ctx.visitor);
    const settings = ZWooCommerceSettings.parse(ctx.settings);
    const order = await findOrder(ctx, settings, params.orderId);
    const notes = trackingUrlOf(order)
      ? []
      : await listWooCustomerNotes(settings, order.id, { signal: ctx.signal });
    return wooOrderCard(order, notes);
  },
};

/** The order named (checked against the identity), else the customer's newest one. */
async function findOrder(
  ctx: ActionRunContext,
  settings: z.infer<typeof ZWooCommerceSettings>,
  orderRef: string | undefined,
): Promise<WooOrder> {
  const { visitor, signal } = ctx;
  const ref = orderRef ? normaliseOrderRef(orderRef) : signedOrderIds(visitor)[0];
  if (ref) {
    const order = await getWooOrder(settings, ref, { signal });
    if (!order)
      throw new DomainError('not_found', `There is no order ${ref}. Please check the number.`);
    assertOwnsOrder(visitor, {
      ref: order.number,
      email: order.billing?.email,
      customerExternalId: order.customer_id ? String(order.customer_id) : null,
    });
    return order;
  }
  const [latest] = visitor.email
    ? await listWooOrdersByEmail(settings, visitor.email, { signal })
    : [];
  if (!latest) throw new DomainError('not_found', 'There are no orders on your account yet.');
  return latest;
}
