import type { TCustomerGreetings } from './widget-settings-schema';

export type CustomerType = 'new' | 'returning' | 'vip';

/** What a signed identity tells about the customer's history with the shop. */
export interface SignedCustomer {
  orderIds?: string[];
}

/**
 * The customer's type by the orders their identity token signs (the host site's server lists
 * the recent ones): none is new, at least `vipMinOrders` is VIP, anything between returning.
 */
export function customerTypeOf(customer: SignedCustomer, vipMinOrders: number): CustomerType {
  const orders = customer.orderIds?.length ?? 0;
  if (orders === 0) return 'new';
  return orders >= vipMinOrders ? 'vip' : 'returning';
}

/**
 * The greeting a signed-in customer sees, or null for the workspace's usual one. Only signed
 * context counts: anyone could claim to be a VIP in an unsigned one.
 */
export function customerGreeting(
  greetings: TCustomerGreetings | undefined,
  customer: SignedCustomer | null,
): string | null {
  if (!greetings || !customer) return null;
  return greetings[customerTypeOf(customer, greetings.vipMinOrders)] ?? null;
}
