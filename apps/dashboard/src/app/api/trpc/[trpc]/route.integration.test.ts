// The dashboard API over HTTP, through the route handler Next mounts: the session cookie decides
// who is calling and the workspace cookie where, and membership is checked on every call.
import { createTenant, withTenant, schema, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { signedInUser, TEST_ORIGIN, testServer } from '~/testing/test-server';
import { GET, POST } from './route';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

let t: TestDatabase;
let northwind: TenantId;

beforeAll(async () => {
  t = await openTestDatabase();
  state.server = testServer(t).server;
  ({ tenantId: northwind } = await createTenant(t.db, {
    name: 'Northwind',
    slug: `nw-${Date.now()}`,
  }));
}, 120_000);
afterAll(async () => t?.close());

function call(path: string, init: { cookie?: string; body?: unknown } = {}) {
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.7' });
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.body === undefined)
    return GET(new Request(`${TEST_ORIGIN}/api/trpc/${path}`, { headers }));
  headers.set('content-type', 'application/json');
  headers.set('origin', TEST_ORIGIN);
  return POST(
    new Request(`${TEST_ORIGIN}/api/trpc/${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(init.body),
    }),
  );
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { message: string; data: { code: string } } };
  return { status: response.status, code: body.error.data.code, message: body.error.message };
}

async function join(userId: string, tenantId: TenantId, role: 'owner' | 'agent') {
  await withTenant(t.db, tenantId, (tx) =>
    tx.insert(schema.memberships).values({ tenantId, userId, role }),
  );
}

describe('/api/trpc', () => {
  it('answers UNAUTHORIZED without a session, and with a made-up one', async () => {
    expect(await errorOf(await call('workspace.list'))).toEqual({
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Sign in to continue.',
    });
    const forged = await call('workspace.list', { cookie: 'authjs.session-token=not-a-session' });
    expect(forged.status).toBe(401);
  });

  it('answers a signed-in user with their data', async () => {
    const kari = await signedInUser(t);
    await join(kari.userId, northwind, 'agent');

    const response = await call('workspace.list', { cookie: kari.cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      result: { data: [{ id: northwind, name: 'Northwind', role: 'agent' }] },
    });
  });

  it('uses the workspace cookie only for a workspace the user belongs to', async () => {
    const kari = await signedInUser(t);
    await join(kari.userId, northwind, 'agent');
    const { tenantId: elsewhere } = await createTenant(t.db, {
      name: 'Elsewhere',
      slug: `else-${Date.now()}`,
    });

    const mine = await call('workspace.current', {
      cookie: `${kari.cookie}; rl_workspace=${northwind}`,
    });
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({
      result: { data: { name: 'Northwind', role: 'agent' } },
    });

    const theirs = await call('workspace.current', {
      cookie: `${kari.cookie}; rl_workspace=${elsewhere}`,
    });
    expect(await errorOf(theirs)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const garbage = await call('workspace.current', { cookie: `${kari.cookie}; rl_workspace=x` });
    expect(await errorOf(garbage)).toMatchObject({
      status: 403,
      message: 'Choose a workspace first.',
    });
  });

  it('lets a new user create their first workspace, owned by them', async () => {
    const ola = await signedInUser(t);
    expect(await (await call('workspace.list', { cookie: ola.cookie })).json()).toEqual({
      result: { data: [] },
    });

    const created = await call('workspace.create', {
      cookie: ola.cookie,
      body: { name: 'Fjord Outdoor', siteUrl: 'https://fjord.example/shop', language: 'norwegian' },
    });
    expect(created.status).toBe(200);
    const { tenantId } = ((await created.json()) as { result: { data: { tenantId: string } } })
      .result.data;
    const list = await call('workspace.list', { cookie: ola.cookie });
    expect(await list.json()).toEqual({
      result: { data: [{ id: tenantId, name: 'Fjord Outdoor', role: 'owner' }] },
    });
  });

  it('explains bad input field by field', async () => {
    const ola = await signedInUser(t);
    const response = await call('workspace.create', { cookie: ola.cookie, body: { name: 'x' } });
    const body = (await response.json()) as { error: { data: { code: string; fields: object } } };
    expect(response.status).toBe(400);
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.data.fields).toHaveProperty('name');
  });
});
