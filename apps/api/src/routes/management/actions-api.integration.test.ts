import { randomUUID } from 'node:crypto';
import { createApiKey, revokeApiKey } from '@replyline/core/api-keys';
import { asUserId, createTenant, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { createReplylineClient } from '@replyline/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing';

let t: TestDatabase;
let api: TestApi;

interface Workspace {
  tenantId: TenantId;
  userId: string;
  writeKey: string;
  readKey: string;
  revokedKey: string;
}

async function workspace(): Promise<Workspace> {
  const { tenantId } = await createTenant(t.db, {
    name: 'Fjord Outdoor',
    slug: `a-${randomUUID().slice(0, 8)}`,
  });
  const [user] = await t.db
    .insert(schema.users)
    .values({ email: `${randomUUID()}@example.test` })
    .returning();
  const actor = { tenantId, userId: asUserId(user!.id), requestIp: null };
  const key = async (scope: 'read' | 'write') =>
    (await createApiKey(t.db, actor, { name: scope, scope })).key;
  const revoked = await createApiKey(t.db, actor, { name: 'old', scope: 'write' });
  await revokeApiKey(t.db, actor, { keyId: revoked.id });
  return {
    tenantId,
    userId: user!.id,
    writeKey: await key('write'),
    readKey: await key('read'),
    revokedKey: revoked.key,
  };
}

const TOKEN = 'Bearer shop-secret-7f3a9c';

/** An order lookup on the shop's own endpoint, with a secret header. */
const orderStatus = (name = 'order_status') => ({
  name,
  description: 'Looks up an order by its number.',
  kind: 'http',
  parameters: {
    type: 'object',
    properties: { orderId: { type: 'string', description: 'The order number' } },
    required: ['orderId'],
  },
  http: {
    method: 'GET',
    urlTemplate: 'https://shop.example/api/orders/{orderId}',
    headers: { Authorization: TOKEN },
    timeoutMs: 4000,
    responseFields: [{ path: 'status', label: 'Status' }],
  },
  requiresIdentity: true,
});

let a: Workspace;
let b: Workspace;
let actionId: string;

beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t, { management: { enqueue: async () => null } });
  [a, b] = await Promise.all([workspace(), workspace()]);
  const created = await call('POST', '/v1/manage/actions', a.writeKey, orderStatus());
  expect(created.status, await created.clone().text()).toBe(201);
  actionId = ((await created.json()) as { id: string }).id;
}, 120_000);

afterAll(async () => {
  await api?.close();
  await t?.close();
});

function call(method: string, path: string, key: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${api.base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

const endpoints = () => [
  {
    name: 'list actions',
    access: 'read',
    request: () => ['GET', '/v1/manage/actions'] as const,
    ok: 200,
    otherWorkspace: async (res: Response) =>
      expect(((await res.json()) as { actions: unknown[] }).actions).toEqual([]),
  },
  {
    name: 'get an action',
    access: 'read',
    request: () => ['GET', `/v1/manage/actions/${actionId}`] as const,
    ok: 200,
    otherWorkspace: 404,
  },
  {
    name: 'create an action',
    access: 'write',
    request: () =>
      ['POST', '/v1/manage/actions', orderStatus(`o_${randomUUID().slice(0, 8)}`)] as const,
    ok: 201,
  },
  {
    name: 'update an action',
    access: 'write',
    request: () => ['PUT', `/v1/manage/actions/${actionId}`, orderStatus()] as const,
    ok: 200,
    otherWorkspace: 404,
  },
  {
    name: 'enable an action',
    access: 'write',
    request: () => ['PUT', `/v1/manage/actions/${actionId}/enabled`, { enabled: true }] as const,
    ok: 200,
    otherWorkspace: 404,
  },
  {
    name: 'delete an action',
    access: 'write',
    request: () => ['DELETE', `/v1/manage/actions/${actionId}`] as const,
    ok: 200,
    otherWorkspace: 404,
    last: true,
  },
];

describe('every actions endpoint', () => {
  const cases = endpoints().sort((x, y) => Number(Boolean(x.last)) - Number(Boolean(y.last)));

  it.each(cases.map((c) => [c.name, c] as const))('%s: revoked key 401', async (_n, c) => {
    const [method, path, body] = c.request() as readonly [string, string, unknown?];
    expect((await call(method, path, a.revokedKey, body)).status).toBe(401);
  });

  it.each(cases.filter((c) => c.access === 'write').map((c) => [c.name, c] as const))(
    '%s: read-only key 403',
    async (_n, c) => {
      const [method, path, body] = c.request() as readonly [string, string, unknown?];
      const res = await call(method, path, a.readKey, body);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toMatch(/only read/);
    },
  );

  it.each(cases.filter((c) => c.otherWorkspace).map((c) => [c.name, c] as const))(
    "%s: another workspace's key sees none of it",
    async (_n, c) => {
      const [method, path, body] = c.request() as readonly [string, string, unknown?];
      const res = await call(method, path, c.access === 'write' ? b.writeKey : b.readKey, body);
      if (typeof c.otherWorkspace === 'number') expect(res.status).toBe(c.otherWorkspace);
      else {
        expect(res.status).toBe(200);
        await c.otherWorkspace!(res);
      }
    },
  );

  it("another workspace's key changed nothing", async () => {
    const res = await call('GET', `/v1/manage/actions/${actionId}`, a.readKey);
    expect(((await res.json()) as { enabled: boolean }).enabled).toBe(false);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: valid key', async (_n, c) => {
    const [method, path, body] = c.request() as readonly [string, string, unknown?];
    const res = await call(method, path, c.access === 'write' ? a.writeKey : a.readKey, body);
    expect(res.status, await res.clone().text()).toBe(c.ok);
  });
});

describe('actions through the management API', () => {
  it('never returns a header value, keeps it when an update leaves it out, and audits under the key', async () => {
    const client = createReplylineClient({ baseUrl: api.base, secretKey: a.writeKey });
    const { data: created, error } = await client.POST('/v1/manage/actions', {
      body: orderStatus('track_parcel') as never,
    });
    expect(error).toBeUndefined();
    expect(created?.http?.headerNames).toEqual(['Authorization']);
    expect(JSON.stringify(created)).not.toContain('shop-secret');

    const { http: _http, ...rest } = orderStatus('track_parcel');
    const { headers: _headers, ...httpWithoutHeaders } = orderStatus().http;
    const updated = await call('PUT', `/v1/manage/actions/${created!.id}`, a.writeKey, {
      ...rest,
      description: 'Tracks a parcel.',
      http: httpWithoutHeaders,
    });
    expect(updated.status).toBe(200);
    const body = (await updated.json()) as { description: string; http: { headerNames: string[] } };
    expect(body.description).toBe('Tracks a parcel.');
    expect(body.http.headerNames).toEqual(['Authorization']);

    const listed = await call('GET', '/v1/manage/actions', a.readKey);
    expect(await listed.text()).not.toContain('shop-secret');
    const [stored] = await withTenant(t.db, a.tenantId, (tx) =>
      tx
        .select({ headers: schema.actions.headersEncrypted })
        .from(schema.actions)
        .where(eq(schema.actions.id, created!.id)),
    );
    expect(stored?.headers).toBeTruthy();
    expect(stored?.headers).not.toContain('shop-secret');

    const audited = await withTenant(t.db, a.tenantId, (tx) =>
      tx
        .select({ action: schema.auditLog.action, actor: schema.auditLog.actorUserId })
        .from(schema.auditLog)
        .where(
          and(eq(schema.auditLog.targetType, 'action'), eq(schema.auditLog.targetId, created!.id)),
        ),
    );
    expect(audited.map((row) => row.action).sort()).toEqual(['action.created', 'action.updated']);
    expect(audited.every((row) => row.actor === a.userId)).toBe(true);
  });

  it('refuses a bad action with a reason and stores nothing', async () => {
    const before = await call('GET', '/v1/manage/actions', a.readKey);
    const count = ((await before.json()) as { actions: unknown[] }).actions.length;
    const refusals = [
      { ...orderStatus('Bad Name') },
      {
        ...orderStatus('host_param'),
        http: { ...orderStatus().http, urlTemplate: 'https://{orderId}.shop.example/' },
      },
      {
        ...orderStatus('newline'),
        http: { ...orderStatus().http, headers: { 'X-Key': 'a\r\nHost: evil' } },
      },
      { ...orderStatus('no_endpoint'), http: undefined },
      { ...orderStatus('unknown_kind'), kind: 'fax_machine' },
    ];
    for (const action of refusals) {
      const res = await call('POST', '/v1/manage/actions', a.writeKey, action);
      expect(res.status, action.name).toBe(400);
      expect((await errorOf(res)).message.length).toBeGreaterThan(10);
    }
    const taken = await call('POST', '/v1/manage/actions', a.writeKey, orderStatus('track_parcel'));
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).message).toMatch(/exists/);
    const after = await call('GET', '/v1/manage/actions', a.readKey);
    expect(((await after.json()) as { actions: unknown[] }).actions).toHaveLength(count);
  });
});
