// Single sign-on end to end: the dashboard's Auth.js handler and a real OpenID Connect provider
// on 127.0.0.1, driven like a browser (the email form, the provider's login and consent pages,
// the callback), ending with a session the dashboard accepts.
import { randomUUID } from 'node:crypto';
import { schema, withTenant, type TenantId } from '@replyline/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAtProvider as atProvider } from './testing/at-provider';
import { TEST_ORIGIN as ORIGIN, useAuthTestbed } from './testing/auth-testbed';
import { Browser } from './testing/browser';
import { connectSso, newSsoWorkspace, ssoClientId } from './testing/sso-workspace';
import { startTestIdp, type TestIdp } from './testing/test-idp';

const SESSION = 'authjs.session-token';

const t = useAuthTestbed();
const handler = (request: Request) => t.auth.handleAuthRequest(request);
let idp: TestIdp;
type Workspace = Awaited<ReturnType<typeof newSsoWorkspace>>;
let acme: Workspace; // Business, auto-join as agent
let closed: Workspace; // Business, no auto-join
let pro: Workspace; // a verified connection, but the plan has no SSO
let rival: Workspace; // Business, auto-join; its provider vouches for an acme address

beforeAll(async () => {
  const workspaces = [
    (acme = await newSsoWorkspace(t.db, 'acme')),
    (closed = await newSsoWorkspace(t.db, 'closed')),
    (pro = await newSsoWorkspace(t.db, 'pro')),
    (rival = await newSsoWorkspace(t.db, 'rival')),
  ];
  idp = await startTestIdp(
    workspaces.map((w) => ({
      clientId: ssoClientId(w.tenantId),
      clientSecret: w.clientSecret,
      redirectUris: [`${ORIGIN}/api/auth/callback/oidc-${w.tenantId}`],
    })),
  );
  await connectSso(t.db, acme, idp.issuer, { autoJoinRole: 'agent' });
  await connectSso(t.db, closed, idp.issuer, { autoJoinRole: null });
  await connectSso(t.db, pro, idp.issuer, { plan: 'pro' });
  await connectSso(t.db, rival, idp.issuer, { autoJoinRole: 'admin' });
}, 120_000);
afterAll(async () => {
  await idp?.close();
});

let accounts = 0;
/** A person at the provider; their login name is returned. */
function idpAccount(email: string, emailVerified = true): string {
  const sub = `person-${++accounts}`;
  idp.accounts.set(sub, { email, email_verified: emailVerified, name: `Person ${accounts}` });
  return sub;
}

/** The email form, as the sign-in page posts it; answers with where the browser is sent. */
async function submitEmail(browser: Browser, email: string) {
  const csrfToken = await browser.csrfToken();
  return browser.fetch('/api/auth/signin/email', {
    form: { email, csrfToken, callbackUrl: `${ORIGIN}/inbox` },
  });
}

/** The whole flow: email form, provider, callback. `tamper` may change the callback URL. */
async function signInWithSso(email: string, login: string, tamper?: (callback: URL) => void) {
  const browser = new Browser(handler, ORIGIN);
  const started = await submitEmail(browser, email);
  expect(started.status).toBe(302);
  const authorize = new URL(started.headers.get('location')!);
  const callback = await atProvider(browser, authorize.toString(), login);
  tamper?.(callback);
  const response = await browser.fetch(callback.toString());
  return { browser, authorize, callback, response };
}

async function sessionUser(browser: Browser) {
  const cookie = browser.cookie(SESSION);
  if (!cookie) return null;
  return t.auth.getSessionUser(
    new Request(`${ORIGIN}/`, { headers: { cookie: `${SESSION}=${cookie}` } }),
  );
}

async function membership(tenantId: TenantId, email: string) {
  const [row] = await withTenant(t.db, tenantId, (tx) =>
    tx
      .select({ role: schema.memberships.role })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(
        and(
          eq(schema.memberships.tenantId, tenantId),
          sql`lower(${schema.users.email}) = ${email}`,
        ),
      ),
  );
  return row ?? null;
}

async function userExists(email: string) {
  const rows = await t.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email}`);
  return rows.length > 0;
}

function refusalOf(response: Response): string | null {
  const location = response.headers.get('location');
  if (!location) return `no redirect (${response.status})`;
  const url = new URL(location, ORIGIN);
  return url.pathname === '/sign-in' ? url.searchParams.get('error') : `went to ${url.pathname}`;
}

describe('signing in with a workspace identity provider', () => {
  it('sends an address of the verified domain to the provider with PKCE, state and nonce, no email', async () => {
    const email = `kari@${acme.domain}`;
    const browser = new Browser(handler, ORIGIN);
    const started = await submitEmail(browser, email);

    const authorize = new URL(started.headers.get('location')!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('client_id')).toBe(ssoClientId(acme.tenantId));
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `${ORIGIN}/api/auth/callback/oidc-${acme.tenantId}`,
    );
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    for (const param of ['code_challenge', 'state', 'nonce'])
      expect(authorize.searchParams.get(param)?.length).toBeGreaterThan(20);
    expect(authorize.searchParams.get('login_hint')).toBe(email);
    const emails = await t.db
      .select()
      .from(schema.outboundEmails)
      .where(eq(schema.outboundEmails.to, email));
    expect(emails).toHaveLength(0);
  });

  it('ends with a session the dashboard accepts and a membership with the auto-join role', async () => {
    const email = `ola@${acme.domain}`;
    const { browser, response } = await signInWithSso(email, idpAccount(email));

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/inbox`);
    expect(await sessionUser(browser)).toMatchObject({
      email,
      name: expect.stringMatching(/Person/),
    });
    expect(await membership(acme.tenantId, email)).toEqual({ role: 'agent' });
    const [audit] = await withTenant(t.db, acme.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.tenantId, acme.tenantId))
        .orderBy(desc(schema.auditLog.createdAt))
        .limit(1),
    );
    expect(audit).toMatchObject({ action: 'sso.member_joined', details: { email, role: 'agent' } });
    // None of the provider's tokens are kept, only who signed in.
    const [account] = await t.db
      .select()
      .from(schema.accounts)
      .where(eq(schema.accounts.provider, `oidc-${acme.tenantId}`))
      .limit(1);
    expect(account).toMatchObject({
      type: 'oidc',
      access_token: null,
      id_token: null,
      refresh_token: null,
    });
  });

  it('signs an existing user in as themselves and keeps the role a member already has', async () => {
    const email = `owner@${acme.domain}`;
    const [user] = await t.db
      .insert(schema.users)
      .values({ email: email.toUpperCase(), name: 'The Owner' })
      .returning({ id: schema.users.id });
    await withTenant(t.db, acme.tenantId, (tx) =>
      tx
        .insert(schema.memberships)
        .values({ tenantId: acme.tenantId, userId: user!.id, role: 'owner' }),
    );
    const login = idpAccount(email);
    const first = await signInWithSso(email, login);
    const again = await signInWithSso(email, login);

    for (const { browser } of [first, again])
      expect((await sessionUser(browser))?.userId).toBe(user!.id);
    expect(await membership(acme.tenantId, email)).toEqual({ role: 'owner' });
  });

  it('without auto-join, lets in members and invited people only', async () => {
    const stranger = `stranger@${closed.domain}`;
    const refused = await signInWithSso(stranger, idpAccount(stranger));
    expect(refusalOf(refused.response)).toBe('SsoNotMember');
    expect(refused.browser.cookie(SESSION)).toBeUndefined();
    expect(await userExists(stranger)).toBe(false);

    const invited = `invited@${closed.domain}`;
    await withTenant(t.db, closed.tenantId, (tx) =>
      tx.insert(schema.invitations).values({
        tenantId: closed.tenantId,
        email: invited,
        role: 'admin',
        tokenHash: `hash-${invited}`,
        expiresAt: new Date(Date.now() + 3600_000),
      }),
    );
    const admitted = await signInWithSso(invited, idpAccount(invited));
    expect(await sessionUser(admitted.browser)).toMatchObject({ email: invited });
    // The invitation link still decides the role; SSO only signed them in.
    expect(await membership(closed.tenantId, invited)).toBeNull();
  });

  it('does not link the provider identity to whoever was signed in in that browser', async () => {
    const email = `newcomer@${acme.domain}`;
    const login = idpAccount(email);
    const browser = new Browser(handler, ORIGIN);
    const bystander = randomUUID();
    const [other] = await t.db
      .insert(schema.users)
      .values({ email: `bystander-${bystander}@elsewhere.example` })
      .returning({ id: schema.users.id });
    await t.db.insert(schema.sessions).values({
      sessionToken: bystander,
      userId: other!.id,
      expires: new Date(Date.now() + 3600_000),
    });
    browser.setCookie(SESSION, bystander);
    const started = await submitEmail(browser, email);
    const callback = await atProvider(browser, started.headers.get('location')!, login);
    await browser.fetch(callback.toString());

    const user = await sessionUser(browser);
    expect(user).toMatchObject({ email });
    expect(user!.userId).not.toBe(other!.id);
  });
});

describe('refusals', () => {
  it('an address the provider has not verified', async () => {
    const email = `unverified@${acme.domain}`;
    const { browser, response } = await signInWithSso(email, idpAccount(email, false));
    expect(refusalOf(response)).toBe('SsoEmailUnverified');
    expect(browser.cookie(SESSION)).toBeUndefined();
    expect(await userExists(email)).toBe(false);
  });

  it('an address outside the workspace domain, even one another workspace verified', async () => {
    // The rival workspace's provider vouches for an acme address: rival's connection only
    // signs in rival's domain, and acme's members are acme's.
    const acmeAddress = `ceo@${acme.domain}`;
    const login = idpAccount(acmeAddress);
    const browser = new Browser(handler, ORIGIN);
    const csrfToken = await browser.csrfToken();
    const started = await browser.fetch(`/api/auth/signin/oidc-${rival.tenantId}`, {
      form: { csrfToken, callbackUrl: `${ORIGIN}/inbox` },
    });
    const callback = await atProvider(browser, started.headers.get('location')!, login);
    const response = await browser.fetch(callback.toString());

    expect(refusalOf(response)).toBe('SsoWrongDomain');
    expect(browser.cookie(SESSION)).toBeUndefined();
    expect(await membership(rival.tenantId, acmeAddress)).toBeNull();
    expect(await userExists(acmeAddress)).toBe(false);

    const subdomain = `x@sub.${rival.domain}`;
    const sub = await signInWithSso(`y@${rival.domain}`, idpAccount(subdomain));
    expect(refusalOf(sub.response)).toBe('SsoWrongDomain');
  });

  it('a callback whose state was not issued to this browser', async () => {
    const email = `state@${acme.domain}`;
    const { browser, response } = await signInWithSso(email, idpAccount(email), (callback) =>
      callback.searchParams.set('state', 'forged-state'),
    );
    expect(refusalOf(response)).toBe('SsoFailed');
    expect(browser.cookie(SESSION)).toBeUndefined();
    expect(await userExists(email)).toBe(false);
  });

  it('a callback that names another issuer (mix-up)', async () => {
    const email = `issuer@${acme.domain}`;
    const { browser, response } = await signInWithSso(email, idpAccount(email), (callback) =>
      callback.searchParams.set('iss', 'https://idp.attacker.example'),
    );
    expect(refusalOf(response)).toBe('SsoFailed');
    expect(browser.cookie(SESSION)).toBeUndefined();
  });

  it('a code replayed from another browser (no PKCE verifier, no state cookie)', async () => {
    const email = `replay@${acme.domain}`;
    const { callback } = await signInWithSso(email, idpAccount(email), () => {});
    const thief = new Browser(handler, ORIGIN);
    const response = await thief.fetch(callback.toString());
    expect(refusalOf(response)).toBe('SsoFailed');
    expect(thief.cookie(SESSION)).toBeUndefined();
  });

  it('a connection disabled while the person was at the provider, and the email goes back to links', async () => {
    const workspace = await newSsoWorkspace(t.db, 'flaky');
    const email = `flaky@${workspace.domain}`;
    const browser = new Browser(handler, ORIGIN);
    await connectSso(t.db, workspace, idp.issuer);
    const started = await submitEmail(browser, email);
    expect(new URL(started.headers.get('location')!).origin).toBe(idp.issuer);

    await withTenant(t.db, workspace.tenantId, (tx) =>
      tx
        .update(schema.ssoConnections)
        .set({ enabled: false })
        .where(eq(schema.ssoConnections.tenantId, workspace.tenantId)),
    );
    const response = await browser.fetch(
      `/api/auth/callback/oidc-${workspace.tenantId}?code=x&state=y&iss=${encodeURIComponent(idp.issuer)}`,
    );
    expect(refusalOf(response)).toBe('SsoUnavailable');
    const link = await submitEmail(new Browser(handler, ORIGIN), email);
    expect(link.headers.get('location')).toMatch(/\/api\/auth\/verify-request/);
  });

  it('a provider that does not answer: the sign-in page says SSO could not be completed', async () => {
    const workspace = await newSsoWorkspace(t.db, 'down');
    // A port nothing listens on: the provider is down.
    await connectSso(t.db, workspace, 'http://127.0.0.1:9');
    const response = await submitEmail(new Browser(handler, ORIGIN), `x@${workspace.domain}`);
    expect(refusalOf(response)).toBe('SsoFailed');
  });

  it('a workspace whose plan has no single sign-on: links as before, and the SSO route is closed', async () => {
    const email = `pro@${pro.domain}`;
    const link = await submitEmail(new Browser(handler, ORIGIN), email);
    expect(link.headers.get('location')).toMatch(/\/api\/auth\/verify-request/);

    const browser = new Browser(handler, ORIGIN);
    const csrfToken = await browser.csrfToken();
    const direct = await browser.fetch(`/api/auth/signin/oidc-${pro.tenantId}`, {
      form: { csrfToken, callbackUrl: `${ORIGIN}/inbox` },
    });
    expect(refusalOf(direct)).toBe('SsoUnavailable');
  });
});

describe('magic links for a single-sign-on domain', () => {
  it('a link sent before SSO was switched on no longer signs in', async () => {
    const workspace = await newSsoWorkspace(t.db, 'late');
    const email = `early@${workspace.domain}`;
    await submitEmail(new Browser(handler, ORIGIN), email);
    const [sent] = await t.db
      .select()
      .from(schema.outboundEmails)
      .where(eq(schema.outboundEmails.to, email));
    const link = /https?:\/\/\S+\/api\/auth\/callback\/email\?[^\s\]]+/.exec(sent!.text)![0];

    await connectSso(t.db, workspace, idp.issuer);
    const browser = new Browser(handler, ORIGIN);
    const response = await browser.fetch(link);
    expect(refusalOf(response)).toBe('SsoRequired');
    expect(browser.cookie(SESSION)).toBeUndefined();
  });
});
