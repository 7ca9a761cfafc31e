import { z } from 'zod';
import { DomainError } from '../../domain-error';
import { callVendor, jsonOf } from '../vendor-fetch';

const VENDOR = 'Shopify';

/** What the owner saves: the shop's admin address, a custom app's Admin API token, the API version. */
export const ZShopifySettings = z.object({
  shopUrl: z.url(),
  accessToken: z.string().trim().min(1, 'Enter the Admin API access token (shpat_…).'),
  apiVersion: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'The API version looks like 2025-07.')
    .default('2025-07'),
});
export type TShopifySettings = z.infer<typeof ZShopifySettings>;

const ZMoney = z.object({ amount: z.string(), currencyCode: z.string() });

const ZShopifyOrder = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  email: z.string().nullish(),
  customer: z.object({ email: z.string().nullish() }).nullish(),
  displayFinancialStatus: z.string().nullish(),
  displayFulfillmentStatus: z.string(),
  cancelledAt: z.string().nullish(),
  totalPriceSet: z.object({ shopMoney: ZMoney }),
  lineItems: z.object({ nodes: z.array(z.object({ name: z.string(), quantity: z.number() })) }),
  fulfillments: z
    .array(
      z.object({
        trackingInfo: z.array(
          z.object({ url: z.string().nullish(), number: z.string().nullish() }),
        ),
      }),
    )
    .default([]),
});
export type ShopifyOrder = z.infer<typeof ZShopifyOrder>;

const ORDERS_QUERY = `query OrdersForCustomer($query: String!) {
  orders(first: 5, query: $query, sortKey: CREATED_AT, reverse: true) {
    nodes {
      id
      name
      createdAt
      email
      customer { email }
      displayFinancialStatus
      displayFulfillmentStatus
      cancelledAt
      totalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 50) { nodes { name quantity } }
      fulfillments(first: 5) { trackingInfo(first: 1) { url number } }
    }
  }
}`;

/** The order called "#1001" (Shopify's `name`); null when there is none. */
export async function findShopifyOrderByName(
  settings: TShopifySettings,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<ShopifyOrder | null> {
  const wanted = `#${name.replace(/^#/, '')}`;
  const orders = await queryOrders(settings, `name:${quoted(wanted)}`, options);
  return orders.find((order) => order.name === wanted) ?? null;
}

/** The newest orders placed with an email (exact matches only: the search is fuzzy). */
export async function listShopifyOrdersByEmail(
  settings: TShopifySettings,
  email: string,
  options: { signal?: AbortSignal } = {},
): Promise<ShopifyOrder[]> {
  const orders = await queryOrders(settings, `email:${quoted(email.trim())}`, options);
  const wanted = email.trim().toLowerCase();
  return orders.filter((order) => orderEmail(order)?.toLowerCase() === wanted);
}

export function orderEmail(order: ShopifyOrder): string | null {
  return order.email ?? order.customer?.email ?? null;
}

/** Shopify's search syntax: a value in double quotes, its own quotes and backslashes escaped. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

async function queryOrders(
  settings: TShopifySettings,
  search: string,
  options: { signal?: AbortSignal },
): Promise<ShopifyOrder[]> {
  const url = new URL(`admin/api/${settings.apiVersion}/graphql.json`, withSlash(settings.shopUrl));
  const response = await callVendor(
    url.toString(),
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-shopify-access-token': settings.accessToken,
      },
      body: JSON.stringify({ query: ORDERS_QUERY, variables: { query: search } }),
    },
    { vendor: VENDOR, signal: options.signal },
  );
  if (response.status === 401 || response.status === 403)
    throw new DomainError(
      'precondition_failed',
      `${VENDOR} refused the access token (${response.status}). Check the token and that the app may read orders.`,
    );
  if (!response.ok)
    throw new DomainError(
      'unavailable',
      `${VENDOR} answered ${response.status} ${response.statusText}.`,
    );
  return ordersOf(jsonOf(response, VENDOR));
}

/** GraphQL reports its own errors (throttling, missing scope) with status 200. */
function ordersOf(body: unknown): ShopifyOrder[] {
  const { data, errors } = (body ?? {}) as { data?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.length) {
    const message = (errors[0] as { message?: unknown }).message;
    throw new DomainError('unavailable', `${VENDOR} refused the order lookup: ${String(message)}`);
  }
  const nodes = (data as { orders?: { nodes?: unknown } } | undefined)?.orders?.nodes;
  const orders = z.array(ZShopifyOrder).safeParse(nodes);
  if (!orders.success)
    throw new DomainError('unavailable', `${VENDOR} sent orders this product cannot read.`);
  return orders.data;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
