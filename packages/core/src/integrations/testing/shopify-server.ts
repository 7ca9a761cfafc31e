import {
  misbehave,
  padded,
  sendJson,
  startLocalServer,
  type LocalServer,
  type Misbehaviour,
} from './local-server';

/** An order node as the Admin GraphQL API returns it for the fields this product asks for. */
export interface ShopifyServerOrder {
  id: string;
  name: string;
  createdAt: string;
  email: string | null;
  customer: { email: string | null } | null;
  displayFinancialStatus: string;
  displayFulfillmentStatus: string;
  cancelledAt: string | null;
  totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  lineItems: { nodes: { name: string; quantity: number }[] };
  fulfillments: { trackingInfo: { url: string | null; number: string | null }[] }[];
}

export interface ShopifyServer extends LocalServer {
  accessToken: string;
  orders: ShopifyServerOrder[];
  knobs: Misbehaviour;
  /** Every GraphQL body received, to check the query the client sent. */
  queries: { query: string; variables: Record<string, unknown>; version: string }[];
}

/**
 * A shop's Admin GraphQL API (`POST /admin/api/{version}/graphql.json`, token in
 * `X-Shopify-Access-Token`) answering the `orders(query:)` connection from an in-memory list.
 * It understands the search terms this product sends (`name:"#1001"`, `email:"…"`), answers
 * 401 with Shopify's error body for a wrong token, and GraphQL errors for other queries.
 */
export async function startShopifyServer(
  orders: ShopifyServerOrder[] = [sampleShopifyOrder()],
): Promise<ShopifyServer> {
  const state = {
    accessToken: 'shpat_test_0123456789abcdef',
    orders,
    knobs: {} as Misbehaviour,
    queries: [] as ShopifyServer['queries'],
  };
  const server = await startLocalServer(async (req, res, raw) => {
    await misbehave(state.knobs);
    const send = (status: number, body: unknown) =>
      sendJson(res, status, padded(body, state.knobs));
    const version = /^\/admin\/api\/(\d{4}-\d{2})\/graphql\.json$/.exec(req.url ?? '')?.[1];
    if (!version || req.method !== 'POST') return send(404, { errors: 'Not Found' });
    if (req.headers['x-shopify-access-token'] !== state.accessToken)
      return send(401, {
        errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      });
    const body = JSON.parse(raw || '{}') as { query?: string; variables?: Record<string, unknown> };
    state.queries.push({ query: body.query ?? '', variables: body.variables ?? {}, version });
    if (!/\borders\s*\(/.test(body.query ?? ''))
      return send(200, { errors: [{ message: 'This test server answers orders queries only.' }] });
    const search = String(body.variables?.query ?? '');
    return send(200, { data: { orders: { nodes: matching(state.orders, search) } } });
  });
  return Object.assign(state, server);
}

/** One `field:"value"` term of Shopify's search syntax. */
function matching(orders: ShopifyServerOrder[], search: string): ShopifyServerOrder[] {
  const term = /^(\w+):"((?:[^"\\]|\\.)*)"$/.exec(search.trim());
  if (!term) return [];
  const [, field, rawValue] = term;
  const value = rawValue!.replace(/\\(.)/g, '$1').toLowerCase();
  return orders
    .filter((order) => {
      if (field === 'name') return order.name.toLowerCase() === value;
      if (field === 'email')
        return (order.email ?? order.customer?.email ?? '').toLowerCase() === value;
      return false;
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function sampleShopifyOrder(
  overrides: Partial<ShopifyServerOrder> = {},
): ShopifyServerOrder {
  return {
    id: 'gid://shopify/Order/5501001',
    name: '#1001',
    createdAt: '2026-11-28T09:15:00Z',
    email: 'ada@example.com',
    customer: { email: 'ada@example.com' },
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'FULFILLED',
    cancelledAt: null,
    totalPriceSet: { shopMoney: { amount: '64.8', currencyCode: 'USD' } },
    lineItems: { nodes: [{ name: 'Linen shirt', quantity: 2 }] },
    fulfillments: [
      {
        trackingInfo: [
          { url: 'https://tracking.example.com/1Z999AA10123456784', number: '1Z999AA10123456784' },
        ],
      },
    ],
    ...overrides,
  };
}
