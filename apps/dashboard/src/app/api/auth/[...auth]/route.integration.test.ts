// Single sign-on through the route handlers Next mounts, with a real OpenID Connect provider on
// 127.0.0.1: the sign-in form's request, the provider's own login and consent pages, the
// callback, then the dashboard API accepting the session cookie and showing the workspace the
// person joined automatically.
import { ssoProviderFetch } from '@replyline/core/sso';
import { createAuth } from '@replyline/auth';
import type { TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import {
  Browser,
  connectSso,
  newSsoWorkspace,
  signInAtProvider,
  ssoClientId,
  startTestIdp,
  type TestIdp,
} from '@replyline/auth/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { TEST_ORIGIN, testServer } from '~/testing/test-server';
import { GET as trpc } from '../../trpc/[trpc]/route';
import { GET, POST } from './route';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

let t: TestDatabase;
let idp: TestIdp;
let workspace: { tenantId: TenantId; domain: string; clientSecret: string };

beforeAll(async () => {
  t = await openTestDatabase();
  // As server/db.ts wires it: calls to the provider go through safeFetch.
  const { server } = testServer(t);
  const env = {
    secret: 'dashboard-test-secret'.padEnd(40, '-'),
    dashboardOrigin: TEST_ORIGIN,
    secureCookies: false,
  };
  const logger = { error: () => {}, warn: () => {}, debug: () => {} };
  const auth = createAuth({
    db: t.db,
    queue: server.queue,
    env,
    logger,
    ssoFetch: ssoProviderFetch(),
  });
  state.server = { ...server, auth };
  workspace = await newSsoWorkspace(t.db, 'routed');
  idp = await startTestIdp([
    {
      clientId: ssoClientId(workspace.tenantId),
      clientSecret: workspace.clientSecret,
      redirectUris: [`${TEST_ORIGIN}/api/auth/callback/oidc-${workspace.tenantId}`],
    },
  ]);
  await connectSso(t.db, workspace, idp.issuer, { autoJoinRole: 'agent' });
}, 120_000);
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

/** The dashboard as a browser reaches it: Auth.js's route and the tRPC route. */
function dashboard(request: Request): Promise<Response> {
  if (new URL(request.url).pathname.startsWith('/api/trpc/')) return trpc(request);
  return request.method === 'POST' ? POST(request) : GET(request);
}

describe('/api/auth with single sign-on', () => {
  it('signs a person of the verified domain in through their provider, into the workspace', async () => {
    const email = `mari@${workspace.domain}`;
    idp.accounts.set('mari', { email, email_verified: true, name: 'Mari' });
    const browser = new Browser(dashboard, TEST_ORIGIN);
    const csrf = (await (await browser.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const started = await browser.fetch('/api/auth/signin/email', {
      form: { email, csrfToken: csrf.csrfToken, callbackUrl: `${TEST_ORIGIN}/inbox` },
      headers: { 'x-auth-return-redirect': '1' },
    });
    const { url: authorizeUrl } = (await started.json()) as { url: string };
    expect(new URL(authorizeUrl).origin).toBe(idp.issuer);

    const callback = await signInAtProvider(browser, authorizeUrl, 'mari');
    const landed = await browser.fetch(callback.toString());
    expect(landed.headers.get('location')).toBe(`${TEST_ORIGIN}/inbox`);

    const list = await browser.fetch('/api/trpc/workspace.list');
    expect(list.status).toBe(200);
    const { result } = (await list.json()) as { result: { data: unknown[] } };
    expect(result.data).toEqual([{ id: workspace.tenantId, name: 'routed', role: 'agent' }]);
  });
});
