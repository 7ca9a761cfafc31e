import { z } from 'zod';
import { DomainError } from '../../domain-error';
import { callVendor, jsonOf } from '../vendor-fetch';

const VENDOR = 'WooCommerce';

/** What the owner saves: the shop's address and a read-only REST API key pair. */
export const ZWooCommerceSettings = z.object({
  storeUrl: z.url(),
  consumerKey: z.string().trim().min(1, 'Enter the consumer key (ck_…).'),
  consumerSecret: z.string().trim().min(1, 'Enter the consumer secret (cs_…).'),
});
export type TWooCommerceSettings = z.infer<typeof ZWooCommerceSettings>;

/** The fields of a WooCommerce v3 order this product reads; the rest is ignored. */
const ZWooOrder = z.object({
  id: z.number(),
  number: z.union([z.string(), z.number()]).transform(String),
  status: z.string(),
  date_created_gmt: z.string().nullish(),
  date_created: z.string().nullish(),
  total: z.string(),
  currency: z.string().optional(),
  customer_id: z.number().optional(),
  billing: z.object({ email: z.string().nullish() }).partial().optional(),
  line_items: z.array(z.object({ name: z.string(), quantity: z.number() })).default([]),
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() })).default([]),
});
export type WooOrder = z.infer<typeof ZWooOrder>;

const ZWooNote = z.object({ note: z.string(), customer_note: z.boolean().optional() });

interface CallOptions {
  signal?: AbortSignal;
}

/** GET /wp-json/wc/v3/orders/{id}; null when the shop has no such order. */
export async function getWooOrder(
  settings: TWooCommerceSettings,
  orderId: string,
  options: CallOptions = {},
): Promise<WooOrder | null> {
  if (!/^\d{1,12}$/.test(orderId)) return null;
  const response = await wooGet(settings, `orders/${orderId}`, {}, options);
  if (response === 'not-found') return null;
  return parseOrder(response);
}

/**
 * The newest orders billed to an email. WooCommerce filters orders by customer id, not email,
 * and guests have none, so this searches and keeps only exact billing-email matches.
 */
export async function listWooOrdersByEmail(
  settings: TWooCommerceSettings,
  email: string,
  options: CallOptions = {},
): Promise<WooOrder[]> {
  const query = { search: email, per_page: '10', orderby: 'date', order: 'desc' };
  const response = await wooGet(settings, 'orders', query, options);
  if (response === 'not-found' || !Array.isArray(response)) return [];
  return response
    .map(parseOrder)
    .filter((order) => order.billing?.email?.toLowerCase() === email.trim().toLowerCase());
}

/** The notes written for the customer (where shops often paste the tracking link). */
export async function listWooCustomerNotes(
  settings: TWooCommerceSettings,
  orderId: number,
  options: CallOptions = {},
): Promise<string[]> {
  const response = await wooGet(settings, `orders/${orderId}/notes`, { type: 'customer' }, options);
  if (response === 'not-found' || !Array.isArray(response)) return [];
  return response.flatMap((raw) => {
    const note = ZWooNote.safeParse(raw);
    return note.success && note.data.customer_note !== false ? [note.data.note] : [];
  });
}

function parseOrder(raw: unknown): WooOrder {
  const order = ZWooOrder.safeParse(raw);
  if (!order.success)
    throw new DomainError('unavailable', `${VENDOR} sent an order this product cannot read.`);
  return order.data;
}

/**
 * One authenticated GET. WooCommerce documents HTTP Basic auth with the key pair over HTTPS;
 * the key pair is never put in the address, where logs and proxies would keep it.
 */
async function wooGet(
  settings: TWooCommerceSettings,
  path: string,
  query: Record<string, string>,
  options: CallOptions,
): Promise<unknown> {
  const url = new URL(`wp-json/wc/v3/${path}`, withSlash(settings.storeUrl));
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const credentials = Buffer.from(`${settings.consumerKey}:${settings.consumerSecret}`).toString(
    'base64',
  );
  const response = await callVendor(
    url.toString(),
    {
      method: 'GET',
      headers: { authorization: `Basic ${credentials}`, accept: 'application/json' },
    },
    { vendor: VENDOR, signal: options.signal },
  );
  if (response.status === 404) return 'not-found';
  if (response.status === 401 || response.status === 403)
    throw new DomainError(
      'precondition_failed',
      `${VENDOR} refused the API key (${response.status}). Check the consumer key and secret, and that the key may read orders.`,
    );
  if (!response.ok)
    throw new DomainError(
      'unavailable',
      `${VENDOR} answered ${response.status} ${response.statusText}.`,
    );
  return jsonOf(response, VENDOR);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
