import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { PLANS } from '../plans';
import { createStripeClient, type StripeClientOptions } from '../stripe/client';
import { parseStripeForm } from './form';

/* eslint-disable @typescript-eslint/no-explicit-any -- the stub speaks loosely-typed JSON */
type Json = Record<string, any>;

export interface StubRequest {
  method: string;
  path: string;
  query: Json;
  body: Json;
  idempotencyKey?: string;
}

export interface StripeStub {
  secretKey: string;
  host: string;
  port: number;
  /** The official SDK pointed at this stub (no automatic retries unless asked). */
  client(options?: Partial<StripeClientOptions>): Stripe;
  /** Every request received, in order. */
  requests: StubRequest[];
  /** Meter events Stripe would bill: one per identifier, like Stripe's de-duplication. */
  billedMeterEvents: Json[];
  /** Subscriptions `GET /v1/subscriptions/:id` answers with; tests change them to move state. */
  subscriptions: Map<string, Json>;
  /** The next `count` requests to `path` fail: with a 500, or after being applied (answer lost). */
  failNext(path: string, count: number, mode?: 'error' | 'lose-response'): void;
  close(): Promise<void>;
}

const METER_WINDOW_S = 35 * 24 * 3600;
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

/** A price per lookup key of every paid plan, as a Stripe account set up for Replyline has. */
function priceCatalog(): Json[] {
  return PLANS.flatMap((plan) =>
    plan.stripe
      ? [
          { key: plan.stripe.priceLookupKey, amount: plan.monthlyPriceUsd * 100, metered: false },
          { key: plan.stripe.overagePriceLookupKey, amount: 0, metered: true },
        ]
      : [],
  ).map(({ key, amount, metered }) => ({
    id: `price_${key}`,
    object: 'price',
    active: true,
    currency: 'usd',
    lookup_key: key,
    product: `prod_${key}`,
    type: 'recurring',
    unit_amount: amount,
    recurring: {
      interval: 'month',
      interval_count: 1,
      usage_type: metered ? 'metered' : 'licensed',
    },
  }));
}

/**
 * A local server speaking Stripe's REST wire format (form-encoded requests, JSON objects) for
 * the calls billing makes: customers, prices, Checkout, the Customer Portal, subscriptions and
 * billing meter events.
 */
export async function startStripeStub(): Promise<StripeStub> {
  const secretKey = `sk_test_stub${randomBytes(8).toString('hex')}`;
  const requests: StubRequest[] = [];
  const billedMeterEvents: Json[] = [];
  const subscriptions = new Map<string, Json>();
  const customers = new Map<string, Json>();
  const prices = priceCatalog();
  const failures = new Map<string, { count: number; mode: 'error' | 'lose-response' }>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub.invalid');
    const raw = await readBody(req);
    const request: StubRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: parseStripeForm(url.search.slice(1)),
      body: parseStripeForm(raw),
      idempotencyKey: header(req, 'idempotency-key'),
    };
    requests.push(request);
    if (req.headers.authorization !== `Bearer ${secretKey}`)
      return send(res, 401, stripeError('Invalid API Key provided.'));
    const failure = failures.get(request.path);
    const failing = failure !== undefined && failure.count > 0;
    if (failing) failure.count -= 1;
    if (failing && failure.mode === 'error')
      return send(res, 500, stripeError('Stub failure.', 'api_error'));
    const [status, body] = route(request);
    // The request took effect, but the caller never hears back (a crash, a cut connection).
    if (failing && failure.mode === 'lose-response') return res.destroy();
    send(res, status, body);
  });

  function route(r: StubRequest): [number, Json] {
    const key = `${r.method} ${r.path.replace(/\/sub_[A-Za-z0-9]+$/, '/:id')}`;
    switch (key) {
      case 'POST /v1/customers': {
        const customer = {
          id: id('cus'),
          object: 'customer',
          created: now(),
          livemode: false,
          name: r.body.name ?? null,
          email: r.body.email ?? null,
          metadata: r.body.metadata ?? {},
        };
        customers.set(customer.id, customer);
        return [200, customer];
      }
      case 'GET /v1/prices': {
        const keys: string[] = r.query.lookup_keys ?? [];
        const data = prices.filter((p) => keys.length === 0 || keys.includes(p.lookup_key));
        return [200, { object: 'list', url: '/v1/prices', has_more: false, data }];
      }
      case 'POST /v1/checkout/sessions': {
        const sessionId = id('cs_test');
        return [
          200,
          {
            id: sessionId,
            object: 'checkout.session',
            mode: r.body.mode,
            customer: r.body.customer ?? null,
            client_reference_id: r.body.client_reference_id ?? null,
            metadata: r.body.metadata ?? {},
            status: 'open',
            payment_status: 'unpaid',
            subscription: null,
            success_url: r.body.success_url,
            cancel_url: r.body.cancel_url,
            url: `https://checkout.stripe.com/c/pay/${sessionId}`,
          },
        ];
      }
      case 'POST /v1/billing_portal/sessions': {
        if (!customers.has(r.body.customer))
          return [
            400,
            stripeError(
              `No such customer: '${r.body.customer}'`,
              'invalid_request_error',
              'resource_missing',
            ),
          ];
        const sessionId = id('bps');
        return [
          200,
          {
            id: sessionId,
            object: 'billing_portal.session',
            customer: r.body.customer,
            return_url: r.body.return_url,
            url: `https://billing.stripe.com/p/session/${sessionId}`,
          },
        ];
      }
      case 'GET /v1/subscriptions/:id': {
        const subscription = subscriptions.get(r.path.split('/').pop()!);
        if (!subscription)
          return [
            404,
            stripeError(
              `No such subscription: '${r.path.split('/').pop()}'`,
              'invalid_request_error',
              'resource_missing',
            ),
          ];
        return [200, subscription];
      }
      case 'DELETE /v1/subscriptions/:id': {
        const subscription = subscriptions.get(r.path.split('/').pop()!);
        if (!subscription)
          return [
            404,
            stripeError('No such subscription', 'invalid_request_error', 'resource_missing'),
          ];
        subscription.status = 'canceled';
        return [200, subscription];
      }
      case 'POST /v1/billing/meter_events':
        return meterEvent(r.body);
      default:
        return [404, stripeError(`Unrecognized request URL (${r.method}: ${r.path}).`)];
    }
  }

  function meterEvent(body: Json): [number, Json] {
    const timestamp = body.timestamp ? Number(body.timestamp) : now();
    if (!body.event_name) return [400, stripeError('Missing required param: event_name.')];
    if (!body.payload?.stripe_customer_id)
      return [400, stripeError('The payload needs stripe_customer_id.')];
    if (!/^-?\d+$/.test(String(body.payload.value ?? '')))
      return [400, stripeError('The payload value must be a whole number.')];
    if (timestamp < now() - METER_WINDOW_S || timestamp > now() + 300)
      return [
        400,
        stripeError(
          'Timestamp must be within the past 35 days and at most 5 minutes in the future.',
          'invalid_request_error',
          'timestamp_too_far_in_past',
        ),
      ];
    const identifier = body.identifier ?? id('mev');
    const existing = billedMeterEvents.find((e) => e.identifier === identifier);
    if (existing) return [200, existing];
    const event = {
      object: 'billing.meter_event',
      created: now(),
      event_name: body.event_name,
      identifier,
      livemode: false,
      payload: body.payload,
      timestamp,
    };
    billedMeterEvents.push(event);
    return [200, event];
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    secretKey,
    host: '127.0.0.1',
    port,
    client: (options = {}) =>
      createStripeClient({
        secretKey,
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: 0,
        timeoutMs: 5_000,
        ...options,
      }),
    requests,
    billedMeterEvents,
    subscriptions,
    failNext: (path, count, mode = 'error') => {
      failures.set(path, { count, mode });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string) {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function stripeError(message: string, type = 'invalid_request_error', code?: string): Json {
  return { error: { type, message, ...(code ? { code } : {}) } };
}

function send(res: ServerResponse, status: number, body: Json) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'request-id': id('req'),
  });
  res.end(payload);
}
