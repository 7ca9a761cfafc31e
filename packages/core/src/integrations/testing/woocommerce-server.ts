import type { IncomingMessage } from 'node:http';
import {
  misbehave,
  padded,
  sendJson,
  startLocalServer,
  type LocalServer,
  type Misbehaviour,
} from './local-server';

/** An order as WooCommerce REST API v3 returns it (the fields shops and this product use). */
export interface WooServerOrder {
  id: number;
  number: string;
  status: string;
  currency: string;
  date_created: string;
  date_created_gmt: string;
  total: string;
  customer_id: number;
  billing: { first_name: string; last_name: string; email: string };
  line_items: { id: number; name: string; quantity: number; total: string }[];
  meta_data: { id: number; key: string; value: unknown }[];
}

export interface WooServerNote {
  id: number;
  note: string;
  customer_note: boolean;
}

export interface WooCommerceServer extends LocalServer {
  consumerKey: string;
  consumerSecret: string;
  orders: WooServerOrder[];
  notes: Map<number, WooServerNote[]>;
  knobs: Misbehaviour;
  requests: { method: string; path: string }[];
}

/**
 * A WooCommerce shop's REST API v3 (`/wp-json/wc/v3/orders…`) over an in-memory list, shaped
 * after the public API reference: key pair by HTTP Basic auth or the `consumer_key` /
 * `consumer_secret` query parameters, WordPress-style `{code, message, data: {status}}` errors.
 */
export async function startWooCommerceServer(
  orders: WooServerOrder[] = [sampleWooOrder()],
): Promise<WooCommerceServer> {
  const state = {
    consumerKey: 'ck_test_0123456789abcdef',
    consumerSecret: 'cs_test_fedcba9876543210',
    orders,
    notes: new Map<number, WooServerNote[]>(),
    knobs: {} as Misbehaviour,
    requests: [] as { method: string; path: string }[],
  };
  const server = await startLocalServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://shop.test');
    state.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search });
    await misbehave(state.knobs);
    const send = (status: number, body: unknown) =>
      sendJson(res, status, padded(body, state.knobs));
    if (!authorised(req, url, state))
      return send(
        401,
        wpError('woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.', 401),
      );
    const match = /^\/wp-json\/wc\/v3\/orders(?:\/(\d+))?(\/notes)?\/?$/.exec(url.pathname);
    if (!match || req.method !== 'GET')
      return send(
        404,
        wpError('rest_no_route', 'No route was found matching the URL and request method.', 404),
      );
    const [, id, notes] = match;
    if (!id) return send(200, searchOrders(state.orders, url.searchParams));
    const order = state.orders.find((o) => o.id === Number(id));
    if (!order)
      return send(404, wpError('woocommerce_rest_shop_order_invalid_id', 'Invalid ID.', 404));
    if (notes) return send(200, state.notes.get(order.id) ?? []);
    return send(200, order);
  });
  return Object.assign(state, server);
}

function authorised(
  req: IncomingMessage,
  url: URL,
  keys: { consumerKey: string; consumerSecret: string },
): boolean {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const [key, secret] = basic
    ? Buffer.from(basic, 'base64').toString('utf8').split(':')
    : [url.searchParams.get('consumer_key'), url.searchParams.get('consumer_secret')];
  return key === keys.consumerKey && secret === keys.consumerSecret;
}

/** `search` matches anywhere (billing email included); `customer` is a customer id. */
function searchOrders(orders: WooServerOrder[], query: URLSearchParams): WooServerOrder[] {
  const search = query.get('search')?.toLowerCase();
  const customer = query.get('customer');
  const perPage = Number(query.get('per_page') ?? 10);
  return orders
    .filter((o) => !search || JSON.stringify(o).toLowerCase().includes(search))
    .filter((o) => !customer || o.customer_id === Number(customer))
    .sort((a, b) => b.date_created_gmt.localeCompare(a.date_created_gmt))
    .slice(0, perPage);
}

function wpError(code: string, message: string, status: number) {
  return { code, message, data: { status } };
}

export function sampleWooOrder(overrides: Partial<WooServerOrder> = {}): WooServerOrder {
  return {
    id: 1001,
    number: '1001',
    status: 'completed',
    currency: 'EUR',
    date_created: '2026-11-28T10:15:00',
    date_created_gmt: '2026-11-28T09:15:00',
    total: '64.80',
    customer_id: 7,
    billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
    line_items: [
      { id: 1, name: 'Linen shirt', quantity: 2, total: '49.80' },
      { id: 2, name: 'Gift wrap', quantity: 1, total: '15.00' },
    ],
    meta_data: [
      {
        id: 90,
        key: '_wc_shipment_tracking_items',
        value: [
          {
            tracking_provider: 'postnord',
            tracking_number: 'PN123456789SE',
            custom_tracking_link: 'https://tracking.example.com/PN123456789SE',
          },
        ],
      },
    ],
    ...overrides,
  };
}
