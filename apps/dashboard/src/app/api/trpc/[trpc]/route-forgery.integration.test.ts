// Requests another site's page can make a signed-in browser send (cross-site request forgery),
// and oversized batches, sent at the route handler Next mounts; and the dashboard's own calls.
import { schema, type TenantId } from '@replyline/db';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { useTestServer } from '~/server/testing';
import { signedInMember, TEST_ORIGIN } from '~/testing/test-server';
import { GET, POST } from './route';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

const t = useTestServer(state);

/** An admin of a new workspace, signed in, with that workspace selected. */
const admin = () => signedInMember(t, { name: 'Northwind', role: 'admin' });

/** The stored (encrypted) identity secret; read as the table owner, as the tests arrange data. */
async function secretOf(tenantId: TenantId) {
  const { tenants } = schema;
  const rows = await t.db
    .select({ id: tenants.id, secret: tenants.identitySecretEncrypted })
    .from(tenants);
  return rows.find((row) => row.id === tenantId)!.secret;
}

function post(path: string, headers: Record<string, string>, body: BodyInit | null) {
  return POST(
    new Request(`${TEST_ORIGIN}/api/trpc/${path}`, {
      method: 'POST',
      headers: new Headers(headers),
      body,
    }),
  );
}

const rotate = 'widget.rotateIdentitySecret';

describe('/api/trpc refuses forged mutations', () => {
  it('refuses a multipart form posted from another site with the session cookie (403)', async () => {
    const { tenantId, cookie } = await admin();
    const before = await secretOf(tenantId);
    const form = new FormData();
    form.append('x', '1');

    const response = await post(rotate, { cookie, origin: 'https://evil.example' }, form);

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      message:
        "Changes are accepted from the dashboard's own pages only, not from https://evil.example.",
    });
    expect(await secretOf(tenantId)).toBe(before);
  });

  it('refuses a JSON mutation from another origin, or one without an Origin', async () => {
    const { tenantId, cookie } = await admin();
    const before = await secretOf(tenantId);
    const json = { cookie, 'content-type': 'application/json' };
    const sibling = await post(rotate, { ...json, origin: 'http://localhost:3002' }, '{}');
    expect(sibling.status).toBe(403);
    const unsaid = await post(rotate, json, '{}');
    expect(unsaid.status).toBe(403);
    expect(((await unsaid.json()) as { message: string }).message).toMatch(/no Origin header/);
    expect(await secretOf(tenantId)).toBe(before);
  });

  it('refuses a mutation from the dashboard origin that is not JSON (415)', async () => {
    const { tenantId, cookie } = await admin();
    const before = await secretOf(tenantId);
    for (const [type, body] of [
      ['text/plain', '{}'],
      ['application/x-www-form-urlencoded', 'a=1'],
    ] as const) {
      const response = await post(
        rotate,
        { cookie, origin: TEST_ORIGIN, 'content-type': type },
        body,
      );
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        message: 'Send the call as JSON (content-type: application/json).',
      });
    }
    const form = new FormData();
    form.append('x', '1');
    expect((await post(rotate, { cookie, origin: TEST_ORIGIN }, form)).status).toBe(415);
    expect(await secretOf(tenantId)).toBe(before);
  });

  it("runs the dashboard's own call: same origin, JSON", async () => {
    const { tenantId, cookie } = await admin();
    const before = await secretOf(tenantId);
    const response = await post(
      rotate,
      { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
      null,
    );
    expect(response.status).toBe(200);
    expect(await secretOf(tenantId)).not.toBe(before);
  });

  it('refuses over HTTP a save from a page loaded for another workspace (409)', async () => {
    const { cookie } = await admin();
    const response = await post(
      rotate,
      {
        cookie,
        origin: TEST_ORIGIN,
        'content-type': 'application/json',
        'x-replyline-workspace': crypto.randomUUID(),
      },
      null,
    );
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe(
      'This page was loaded for another workspace; you have switched to Northwind. Reload to edit Northwind.',
    );
  });
});

describe('/api/trpc batch size', () => {
  const batch = (n: number) => Array.from({ length: n }, () => 'workspace.list').join(',');

  it('answers a batch of 20 and refuses 21 with 400', async () => {
    const { cookie } = await admin();
    const url = (n: number) => `${TEST_ORIGIN}/api/trpc/${batch(n)}?batch=1`;
    const twenty = await GET(new Request(url(20), { headers: { cookie } }));
    expect(twenty.status).toBe(200);
    expect((await twenty.json()) as unknown[]).toHaveLength(20);

    const more = await GET(new Request(url(21), { headers: { cookie } }));
    expect(more.status).toBe(400);
    expect(JSON.stringify(await more.json())).toMatch(/batch/i);
  });

  it('refuses a batch of 200 mutations', async () => {
    const { tenantId, cookie } = await admin();
    const before = await secretOf(tenantId);
    const paths = Array.from({ length: 200 }, () => rotate).join(',');
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [i, {}])));
    const response = await post(
      `${paths}?batch=1`,
      { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body,
    );
    expect(response.status).toBe(400);
    expect(await secretOf(tenantId)).toBe(before);
  });
});
