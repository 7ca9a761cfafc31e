import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { asUserId, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import type { ActionVisitor } from '../integrations/index';
import { sampleWooOrder, startWooCommerceServer } from '../integrations/testing/index';
import { createAction, getAction, updateAction } from './manage-actions';
import {
  confirmProposal,
  loadActionById,
  runActionForVisitor,
  tryAction,
  type ActionDeps,
} from './run-action';

// The attack suite for actions (docs/security.md, "Actions"): each case tries to make an action
// leak another customer's data, reach somewhere its owner did not choose, or run unconfirmed.
// A real HTTP server on 127.0.0.1 plays the business's endpoint and records every request.

let t: TestDatabase;
let server: Server;
let base: string;
const hits: { url: string; method: string; headers: IncomingHttpHeaders; body: string }[] = [];
let flakyCalls = 0;

const ORDERS: Record<string, { email: string; status: string; internalNote: string }> = {
  '1001': { email: 'ada@example.com', status: 'shipped', internalNote: 'margin 41%' },
  '2002': { email: 'bob@example.com', status: 'processing', internalNote: 'VIP, card 4242' },
};

beforeAll(async () => {
  // The business's endpoint is a server on this machine: allowed as in development.
  vi.stubEnv('ACTIONS_ALLOW_PRIVATE_ADDRESSES', 'true');
  t = await openTestDatabase();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      hits.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers, body });
      route(req.url ?? '', req.method ?? 'GET', res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await t?.close();
});

function route(raw: string, method: string, res: ServerResponse) {
  const url = new URL(raw, 'http://stub');
  const json = (status: number, value: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  const order = /^\/orders\/([^/]+)$/.exec(url.pathname);
  if (order) {
    const found = ORDERS[decodeURIComponent(order[1]!)];
    // The endpoint checks the signed email it is given, as the docs ask owners to.
    if (!found || found.email !== url.searchParams.get('email'))
      return json(404, { error: 'not found' });
    return json(200, {
      order: { id: order[1], status: found.status, internalNote: found.internalNote },
    });
  }
  if (url.pathname === '/huge') return json(200, { blob: 'x'.repeat(600_000) });
  if (url.pathname === '/slow') return; // never answers
  if (url.pathname === '/to-internal')
    return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  if (url.pathname === '/to-same')
    return res.writeHead(302, { location: '/orders/1001?email=ada%40example.com' }).end();
  if (url.pathname === '/flaky')
    return ++flakyCalls % 2 === 1 ? json(503, {}) : json(200, { ok: 'yes' });
  if (url.pathname === '/book' && method === 'POST') return json(200, { booked: 'BK-1' });
  json(404, { error: 'no route' });
}

const deps = (): ActionDeps => ({ db: t.db, allowLocal: true, retryDelayMs: 10 });

async function workspace(name: string) {
  const tenantId = (await newWorkspace(t.db, name)).tenantId;
  const userId = asUserId(await newMember(t.db, tenantId, 'owner'));
  return { tenantId, actor: { tenantId, userId, requestIp: '203.0.113.9' } };
}

async function conversation(tenantId: TenantId) {
  const [row] = await withTenant(t.db, tenantId, (tx) =>
    tx.insert(schema.conversations).values({ tenantId, visitorId: 'v-1' }).returning(),
  );
  return row!.id;
}

const ada = (conversationId: string, orderIds?: string[]): ActionVisitor => ({
  conversationId,
  identified: true,
  email: 'ada@example.com',
  externalId: 'u-ada',
  context: orderIds ? { orderIds } : {},
});

async function orderStatusAction(
  tenantId: TenantId,
  actor: Parameters<typeof createAction>[1],
  path = '/orders/{orderId}?email={visitor.email}',
) {
  const created = await createAction(t.db, actor, {
    name: 'order_status',
    description: 'Order status',
    kind: 'http',
    parameters: {
      type: 'object',
      properties: { orderId: { type: 'string' } },
      required: ['orderId'],
    },
    http: {
      method: 'GET',
      urlTemplate: `${base}${path}`,
      headers: { Authorization: 'Bearer shop-secret-token-9f2' },
      timeoutMs: 1_000,
      responseFields: [{ path: 'order.status', label: 'Status' }],
    },
    enabled: true,
  });
  return (await loadActionById(t.db, tenantId, created.id))!;
}

describe('action attacks', () => {
  it("answers a signed-in visitor about their own order, and shows only the owner's chosen fields", async () => {
    const { tenantId, actor } = await workspace('Shop');
    const action = await orderStatusAction(tenantId, actor);
    const outcome = await runActionForVisitor(deps(), {
      tenantId,
      action,
      visitor: ada(await conversation(tenantId)),
      params: { orderId: '1001' },
    });
    expect(outcome).toEqual({
      ok: true,
      card: {
        type: 'result',
        title: 'Order status',
        fields: [{ label: 'Status', value: 'shipped' }],
      },
    });
    expect(JSON.stringify(outcome)).not.toContain('margin');
    expect(hits.at(-1)!.headers.authorization).toBe('Bearer shop-secret-token-9f2');
  });

  it("refuses another customer's order id named in the signed context's list (prompt injection)", async () => {
    const { tenantId, actor } = await workspace('Shop');
    const action = await orderStatusAction(tenantId, actor);
    const before = hits.length;
    const outcome = await runActionForVisitor(deps(), {
      tenantId,
      action,
      visitor: ada(await conversation(tenantId), ['1001']),
      params: { orderId: '2002' },
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.card).toEqual({
      type: 'error',
      message: 'Order 2002 is not one of the orders on your account.',
    });
    expect(hits.length).toBe(before);
  });

  it("cannot read another customer's order without a context list: the endpoint gets the signed email, not the model's", async () => {
    const { tenantId, actor } = await workspace('Shop');
    const action = await orderStatusAction(tenantId, actor);
    const outcome = await runActionForVisitor(deps(), {
      tenantId,
      action,
      visitor: ada(await conversation(tenantId)),
      params: { orderId: '2002' },
    });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toMatch(/processing|VIP|4242/);
    expect(hits.at(-1)!.url).toBe('/orders/2002?email=ada%40example.com');
  });

  it('asks an anonymous visitor to sign in, and calls nothing', async () => {
    const { tenantId, actor } = await workspace('Shop');
    const action = await orderStatusAction(tenantId, actor);
    const before = hits.length;
    const outcome = await runActionForVisitor(deps(), {
      tenantId,
      action,
      visitor: {
        conversationId: await conversation(tenantId),
        identified: false,
        email: 'bob@example.com',
      },
      params: { orderId: '2002' },
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.card.type).toBe('identify');
    expect(hits.length).toBe(before);
  });

  it('refuses smuggled parameters (undeclared names, the identity placeholders, objects)', async () => {
    const { tenantId, actor } = await workspace('Shop');
    const action = await orderStatusAction(tenantId, actor);
    const visitor = ada(await conversation(tenantId));
    const before = hits.length;
    for (const params of [
      { orderId: '1001', email: 'bob@example.com' },
      { orderId: '1001', 'visitor.email': 'bob@example.com' },
      { orderId: { toString: '2002' } },
      {},
    ]) {
      const outcome = await runActionForVisitor(deps(), { tenantId, action, visitor, params });
      expect(outcome.ok, JSON.stringify(params)).toBe(false);
      expect(outcome.card.type).toBe('error');
    }
    expect(hits.length).toBe(before);
  });

  it('keeps a parameter inside its path segment (URL template injection)', async () => {
    const { tenantId, actor } = await workspace('Shop');
    const action = await orderStatusAction(tenantId, actor);
    const visitor = ada(await conversation(tenantId));
    for (const orderId of [
      '../huge',
      '1001/../../huge',
      '1001?email=bob@example.com',
      '1001#',
      '@169.254.169.254/',
    ]) {
      await runActionForVisitor(deps(), { tenantId, action, visitor, params: { orderId } });
      const last = new URL(hits.at(-1)!.url, 'http://stub');
      expect(last.pathname.split('/').length, orderId).toBe(3);
      expect(last.pathname.startsWith('/orders/')).toBe(true);
      expect(last.searchParams.getAll('email')).toEqual(['ada@example.com']);
    }
    // Parsers read a segment of dots (even percent-encoded) as a step up: refused, not sent.
    const before = hits.length;
    for (const orderId of ['..', '.']) {
      const outcome = await runActionForVisitor(deps(), {
        tenantId,
        action,
        visitor,
        params: { orderId },
      });
      expect(outcome.ok).toBe(false);
    }
    expect(hits.length).toBe(before);
  });

  it('refuses a template with a placeholder in the host, and header values that would inject a header', async () => {
    const { actor } = await workspace('Shop');
    const attempt = (http: object) =>
      createAction(t.db, actor, { name: 'bad', description: 'Bad', kind: 'http', http } as never);
    await expect(attempt({ urlTemplate: 'https://{shop}.example.com/orders' })).rejects.toThrow(
      /not in the host/,
    );
    await expect(
      attempt({ urlTemplate: 'https://shop.example.com/{visitor.password}' }),
    ).rejects.toThrow(/not known/);
    await expect(
      attempt({
        urlTemplate: 'https://shop.example.com/o',
        headers: { 'X-Key': 'a\r\nX-Admin: 1' },
      }),
    ).rejects.toThrow(/line breaks/);
    await expect(
      attempt({ urlTemplate: 'https://shop.example.com/o', headers: { Host: 'internal' } }),
    ).rejects.toThrow(/set by the connection/);
  });

  it('refuses a plain http:// endpoint when saved; http://localhost only with the private-address switch on', async () => {
    const { actor } = await workspace('Shop');
    const attempt = (urlTemplate: string) =>
      createAction(t.db, actor, {
        name: `plain_${Math.random().toString(36).slice(2, 8)}`,
        description: 'Plain',
        kind: 'http',
        http: { urlTemplate },
      });
    await expect(attempt('http://shop.example.com/orders/{orderId}')).rejects.toThrow(
      /must start with https:\/\//,
    );
    await expect(attempt(`${base}/orders/{orderId}`)).resolves.toMatchObject({ enabled: false });
    vi.stubEnv('ACTIONS_ALLOW_PRIVATE_ADDRESSES', 'false');
    try {
      await expect(attempt(`${base}/orders/{orderId}`)).rejects.toThrow(/https:\/\//);
      await expect(attempt('https://10.0.0.5/orders')).rejects.toThrow(/private address/);
    } finally {
      vi.stubEnv('ACTIONS_ALLOW_PRIVATE_ADDRESSES', 'true');
    }
  });

  it('cuts off an oversized answer and gives up on a slow endpoint within its timeout', async () => {
    const { tenantId, actor } = await workspace('Shop');
    const visitor = ada(await conversation(tenantId));
    const huge = await orderStatusAction(tenantId, actor, '/huge?o={orderId}');
    const tooBig = await runActionForVisitor(deps(), {
      tenantId,
      action: huge,
      visitor,
      params: { orderId: '1' },
    });
    expect(tooBig.card).toEqual({
      type: 'error',
      message: 'It did not work: The endpoint answered with too much data.',
    });

    const { tenantId: t2, actor: a2 } = await workspace('Slow shop');
    const slow = await orderStatusAction(t2, a2, '/slow?o={orderId}');
    const started = Date.now();
    const outcome = await runActionForVisitor(deps(), {
      tenantId: t2,
      action: slow,
      visitor: ada(await conversation(t2)),
      params: { orderId: '1' },
    });
    expect(outcome.card).toEqual({
      type: 'error',
      message: 'It did not work: The endpoint did not answer in time.',
    });
    // GET is retried once: two attempts of 1 s each at most.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('follows a redirect on the same host, and refuses one to an internal address', async () => {
    const { tenantId, actor } = await workspace('Shop');
    const visitor = ada(await conversation(tenantId));
    const same = await orderStatusAction(tenantId, actor, '/to-same?o={orderId}');
    expect(
      (
        await runActionForVisitor(deps(), {
          tenantId,
          action: same,
          visitor,
          params: { orderId: '1' },
        })
      ).ok,
    ).toBe(true);

    const { tenantId: t2, actor: a2 } = await workspace('Shop 2');
    const internal = await orderStatusAction(t2, a2, '/to-internal?o={orderId}');
    const outcome = await runActionForVisitor(deps(), {
      tenantId: t2,
      action: internal,
      visitor: ada(await conversation(t2)),
      params: { orderId: '1' },
    });
    expect(outcome.card).toEqual({
      type: 'error',
      message:
        'It did not work: The endpoint redirected to another host (169.254.169.254); not followed.',
    });
  });

  it('refuses a public-looking endpoint name that resolves to a private address (checked at connect)', async () => {
    const { tenantId, actor } = await workspace('Shop');
    const created = await createAction(t.db, actor, {
      name: 'rebinding',
      description: 'Rebinding',
      kind: 'http',
      requiresIdentity: false,
      http: {
        urlTemplate: `https://shop.public-looking.example:${new URL(base).port}/orders/1001`,
        timeoutMs: 1_000,
      },
      enabled: true,
    });
    const before = hits.length;
    const outcome = await runActionForVisitor(
      {
        ...deps(),
        allowLocal: false,
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      },
      {
        tenantId,
        action: (await loadActionById(t.db, tenantId, created.id))!,
        visitor: { conversationId: await conversation(tenantId), identified: false },
        params: {},
      },
    );
    expect(outcome.ok).toBe(false);
    expect(hits.length).toBe(before);
  });

  it('retries an idempotent GET once after a 5xx, and never retries a POST', async () => {
    const { tenantId, actor } = await workspace('Shop');
    const get = await createAction(t.db, actor, {
      name: 'flaky_get',
      description: 'Flaky',
      kind: 'http',
      requiresIdentity: false,
      http: {
        urlTemplate: `${base}/flaky`,
        timeoutMs: 1_000,
        responseFields: [{ path: 'ok', label: 'OK' }],
      },
      enabled: true,
    });
    const visitor: ActionVisitor = {
      conversationId: await conversation(tenantId),
      identified: false,
    };
    flakyCalls = 0;
    const ok = await runActionForVisitor(deps(), {
      tenantId,
      action: (await loadActionById(t.db, tenantId, get.id))!,
      visitor,
      params: {},
    });
    expect(ok.card).toEqual({
      type: 'result',
      title: 'Flaky',
      fields: [{ label: 'OK', value: 'yes' }],
    });
    expect(flakyCalls).toBe(2);

    await updateAction(t.db, actor, {
      ...(await getAction(t.db, tenantId, get.id))!,
      http: { method: 'POST', urlTemplate: `${base}/flaky`, timeoutMs: 1_000 },
    } as never);
    flakyCalls = 0;
    const posted = await runActionForVisitor(deps(), {
      tenantId,
      action: (await loadActionById(t.db, tenantId, get.id))!,
      visitor,
      params: {},
    });
    expect(posted.ok).toBe(false);
    expect(flakyCalls).toBe(1);
  });

  it('runs a side effect only on a confirm of that proposal, in that conversation, once', async () => {
    const { tenantId, actor } = await workspace('Movers');
    const created = await createAction(t.db, actor, {
      name: 'book_move',
      description: 'Book a move',
      kind: 'http',
      parameters: { type: 'object', properties: { day: { type: 'string' } }, required: ['day'] },
      http: {
        method: 'POST',
        urlTemplate: `${base}/book`,
        timeoutMs: 1_000,
        responseFields: [{ path: 'booked', label: 'Booking' }],
      },
      sideEffects: true,
      enabled: true,
    });
    const action = (await loadActionById(t.db, tenantId, created.id))!;
    const conversationId = await conversation(tenantId);
    const otherConversation = await conversation(tenantId);
    const visitor = ada(conversationId);
    const before = hits.length;
    const proposed = await runActionForVisitor(deps(), {
      tenantId,
      action,
      visitor,
      params: { day: '2027-01-04' },
    });
    expect(proposed.card.type).toBe('confirm');
    expect(hits.length).toBe(before);
    const proposalId = (proposed.card as { proposalId: string }).proposalId;

    await expect(
      confirmProposal(deps(), { tenantId, conversationId: otherConversation, proposalId, visitor }),
    ).rejects.toThrow(/nothing waiting/);
    const { tenantId: otherTenant } = await workspace('Other');
    await expect(
      confirmProposal(deps(), { tenantId: otherTenant, conversationId, proposalId, visitor }),
    ).rejects.toThrow(/nothing waiting/);
    expect(hits.length).toBe(before);

    const done = await confirmProposal(deps(), { tenantId, conversationId, proposalId, visitor });
    expect(done.card).toEqual({
      type: 'result',
      title: 'Book a move',
      fields: [{ label: 'Booking', value: 'BK-1' }],
    });
    expect(JSON.parse(hits.at(-1)!.body)).toEqual({ day: '2027-01-04' });
    await expect(
      confirmProposal(deps(), { tenantId, conversationId, proposalId, visitor }),
    ).rejects.toThrow(/nothing waiting/);
    expect(hits.length).toBe(before + 1);
  });

  it("cannot see, try or run another workspace's action by its id", async () => {
    const a = await workspace('A');
    const b = await workspace('B');
    const action = await orderStatusAction(a.tenantId, a.actor);
    expect(await getAction(t.db, b.tenantId, action.id)).toBeNull();
    expect(await loadActionById(t.db, b.tenantId, action.id)).toBeNull();
    await expect(
      tryAction(deps(), { tenantId: b.tenantId, actionId: action.id, params: { orderId: '1001' } }),
    ).rejects.toThrow(/does not exist/);
    const asSeenByA = (await getAction(t.db, a.tenantId, action.id))!;
    const update = { ...asSeenByA, http: { urlTemplate: 'https://evil.example.com/x' } };
    expect(await updateAction(t.db, b.actor, update as never)).toBeNull();
    expect((await getAction(t.db, a.tenantId, action.id))!.http!.urlTemplate).toBe(
      asSeenByA.http!.urlTemplate,
    );
  });

  it('a shop built-in always needs a signed identity, and its own refusal reaches the visitor in its words', async () => {
    const { tenantId, actor } = await workspace('Woo shop');
    const shop = await startWooCommerceServer([
      sampleWooOrder(),
      sampleWooOrder({
        id: 1002,
        number: '1002',
        customer_id: 8,
        billing: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' },
      }),
    ]);
    try {
      const created = await createAction(t.db, actor, {
        name: 'order_status',
        description: 'Order status',
        kind: 'woocommerce.order_status',
        settings: {
          storeUrl: shop.url,
          consumerKey: shop.consumerKey,
          consumerSecret: shop.consumerSecret,
        },
        requiresIdentity: false, // an owner cannot make an order lookup public
        enabled: true,
      });
      expect(created.requiresIdentity).toBe(true);
      const action = (await loadActionById(t.db, tenantId, created.id))!;
      const run = async (visitor: ActionVisitor) =>
        runActionForVisitor(deps(), { tenantId, action, visitor, params: { orderId: '1002' } });
      const anonymous = await run({
        conversationId: await conversation(tenantId),
        identified: false,
      });
      expect(anonymous.card.type).toBe('identify');
      const notHers = await run(ada(await conversation(tenantId)));
      expect(notHers).toEqual({
        ok: false,
        card: {
          type: 'error',
          message: 'That order is not on your account, so its details cannot be shown here.',
        },
      });
      // A vendor failure stays generic for the visitor: the shop's answer is the owner's to read.
      shop.consumerSecret = 'changed-in-the-shop';
      const broken = await run({ ...ada(await conversation(tenantId)) });
      expect(broken.card).toEqual({
        type: 'error',
        message: 'It did not work this time. Please try again later, or ask for a person.',
      });
    } finally {
      await shop.close();
    }
  });

  it('keeps header values encrypted at rest and never returns them', async () => {
    const { tenantId, actor } = await workspace('Shop');
    const action = await orderStatusAction(tenantId, actor);
    expect(action.headersEncrypted).not.toContain('shop-secret-token-9f2');
    const shown = await getAction(t.db, tenantId, action.id);
    expect(JSON.stringify(shown)).not.toContain('shop-secret-token-9f2');
    expect(shown!.http!.headerNames).toEqual(['Authorization']);
    const [audit] = await withTenant(t.db, tenantId, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, action.id)),
    );
    expect(audit!.action).toBe('action.created');
    expect(JSON.stringify(audit)).not.toContain('shop-secret-token-9f2');
  });
});
