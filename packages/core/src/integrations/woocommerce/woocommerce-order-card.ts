import type { ActionCard } from '../contract';
import { formatMoney, humanStatus } from '../money';
import type { WooOrder } from './woocommerce-client';

/**
 * Where a tracking link lives in WooCommerce: the Shipment Tracking extension's meta
 * (`_wc_shipment_tracking_items`), a plain `tracking_url`-style meta, or a customer note.
 */
export function trackingUrlOf(order: WooOrder, customerNotes: string[] = []): string | undefined {
  for (const { key, value } of order.meta_data) {
    if (key === '_wc_shipment_tracking_items' && Array.isArray(value)) {
      const link = value
        .map((item) => (item as { custom_tracking_link?: unknown }).custom_tracking_link)
        .find((url): url is string => typeof url === 'string' && isHttpUrl(url));
      if (link) return link;
    }
    if (/tracking_(url|link)$/i.test(key) && typeof value === 'string' && isHttpUrl(value))
      return value;
  }
  for (const note of customerNotes) {
    const link = /https?:\/\/[^\s<>"')\]]+/.exec(note)?.[0];
    if (link && isHttpUrl(link)) return link;
  }
  return undefined;
}

export function wooOrderCard(order: WooOrder, customerNotes: string[] = []): ActionCard {
  const placed = order.date_created_gmt ? `${order.date_created_gmt}Z` : order.date_created;
  return {
    type: 'order',
    orderId: order.number,
    status: humanStatus(order.status),
    placedAt: placed ? new Date(placed).toISOString() : undefined,
    total: formatMoney(order.total, order.currency),
    items: order.line_items.map(({ name, quantity }) => ({ name, quantity })),
    trackingUrl: trackingUrlOf(order, customerNotes),
  };
}

function isHttpUrl(raw: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}
