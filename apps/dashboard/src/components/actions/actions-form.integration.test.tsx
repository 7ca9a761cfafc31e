// The actions page's contract with the dashboard's tRPC route: what the form sends is what
// `actions.create` takes, a refusal names the form's own field, and "Try it" gives the card
// the page shows, from a real call to a local endpoint.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTenant, schema, withTenant } from '@replyline/db';
import { TRPCClientError } from '@trpc/client';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { POST } from '~/app/api/trpc/[trpc]/route';
import type { DashboardServer } from '~/server/db';
import { useTestServer } from '~/server/testing';
import { signedInUser, TEST_ORIGIN } from '~/testing/test-server';
import { formErrors } from '../widget/form-errors';
import { actionInputOf } from './action-input';
import { ResultCard } from './result-card';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

const t = useTestServer(state);

/** The shop's own endpoint: order 1001 belongs to the signed-in visitor, with the token. */
let shop: Server;
let shopUrl: string;
beforeAll(async () => {
  shop = createServer((req, res) => {
    const authorized = req.headers.authorization === 'Bearer shop-token';
    res.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(authorized ? { order: { status: 'Shipped', id: req.url } } : {}));
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  vi.stubEnv('ACTIONS_ALLOW_PRIVATE_ADDRESSES', 'true');
});
afterAll(() => {
  vi.unstubAllEnvs();
  shop?.close();
});

async function asAdmin() {
  const { tenantId } = await createTenant(t.db, { name: 'Fjord', slug: `fj-${Date.now()}` });
  const admin = await signedInUser(t);
  await withTenant(t.db, tenantId, (tx) =>
    tx.insert(schema.memberships).values({ tenantId, userId: admin.userId, role: 'admin' }),
  );
  return (procedure: string, input: unknown) =>
    POST(
      new Request(`${TEST_ORIGIN}/api/trpc/${procedure}`, {
        method: 'POST',
        headers: {
          cookie: `${admin.cookie}; rl_workspace=${tenantId}`,
          'content-type': 'application/json',
          origin: TEST_ORIGIN,
        },
        body: JSON.stringify(input),
      }),
    );
}

function formOf(values: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
}

const fields = () => ({
  name: 'order_status',
  description: 'Looks up an order by its number.',
  method: 'GET',
  urlTemplate: `${shopUrl}/orders/{orderId}`,
  headers: 'Authorization: Bearer shop-token',
  timeoutMs: '3000',
  responseFields: 'order.status = Status',
  parameters: JSON.stringify({
    type: 'object',
    properties: { orderId: { type: 'string' } },
    required: ['orderId'],
  }),
  requiresIdentity: 'on',
});

it('creates what the form describes, names a refused field, and tries it', async () => {
  const call = await asAdmin();

  const refused = await call(
    'actions.create',
    actionInputOf(formOf({ ...fields(), urlTemplate: 'https://{orderId}.shop.example/' }), 'http'),
  );
  expect(refused.status).toBe(400);
  const errors = formErrors(TRPCClientError.from(await refused.json()));
  expect(errors.fields['http.urlTemplate']).toMatch(/not in the host/);

  const created = await call('actions.create', actionInputOf(formOf(fields()), 'http'));
  expect(created.status).toBe(200);
  const action = ((await created.json()) as { result: { data: { id: string; http: object } } })
    .result.data;
  expect(action.http).toMatchObject({ headerNames: ['Authorization'] });
  expect(JSON.stringify(action)).not.toContain('shop-token');

  const tried = await call('actions.tryIt', {
    id: action.id,
    params: { orderId: '1001' },
    visitorEmail: 'kari@example.test',
  });
  expect(tried.status).toBe(200);
  const outcome = ((await tried.json()) as { result: { data: { ok: boolean; card: never } } })
    .result.data;
  expect(outcome.ok).toBe(true);
  const html = renderToString(<ResultCard card={outcome.card} ok={outcome.ok} />).replaceAll(
    '<!-- -->',
    '',
  );
  expect(html).toContain('<dt>Status</dt><dd>Shipped</dd>');
});
