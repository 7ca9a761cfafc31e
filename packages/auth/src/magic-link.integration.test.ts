// Sign-in end to end through Auth.js itself, driven with real Requests the way a browser would:
// ask for a link, read it from the stored email, follow it, use the session, sign out.
import { randomUUID } from 'node:crypto';
import { QUEUES, schema } from '@replyline/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN as ORIGIN, useAuthTestbed } from './testing/auth-testbed';

// Addresses of this run only: on a shared Postgres server, users and sign-in counters persist.
const DOMAIN = `ml-${randomUUID().slice(0, 8)}.example`;
const CAPITALISED_DOMAIN = `Ml-${DOMAIN.slice(3, -8)}.Example`;

const t = useAuthTestbed();

/** A browser's cookies for the dashboard. */
class Browser {
  cookies = new Map<string, string>();

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers = new Headers({ cookie: this.cookieHeader() });
    let body: string | undefined;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const target = url.startsWith('http') ? url : `${ORIGIN}${url}`;
    const response = await t.auth.handleAuthRequest(
      new Request(target, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body }),
    );
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  async csrfToken(): Promise<string> {
    const response = await this.fetch('/api/auth/csrf');
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private store(line: string) {
    const [pair] = line.split(';');
    const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
    const expired = /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line);
    if (expired || !value) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

async function requestLink(browser: Browser, email: string, at = '/api/auth/signin/email') {
  const csrfToken = await browser.csrfToken();
  return browser.fetch(at, { form: { email, csrfToken, callbackUrl: `${ORIGIN}/inbox` } });
}

async function latestEmailTo(email: string) {
  const [row] = await t.db
    .select()
    .from(schema.outboundEmails)
    .where(eq(schema.outboundEmails.to, email))
    .orderBy(desc(schema.outboundEmails.createdAt))
    .limit(1);
  return row;
}

function signInLink(text: string): string {
  const link = /https?:\/\/\S+\/api\/auth\/callback\/email\?[^\s\]]+/.exec(text)?.[0];
  if (!link) throw new Error(`no sign-in link in:\n${text}`);
  return link;
}

async function signIn(email: string) {
  const browser = new Browser();
  await requestLink(browser, email);
  const link = signInLink((await latestEmailTo(email))!.text);
  const response = await browser.fetch(link);
  return { browser, response };
}

function asRequest(browser: Browser) {
  return new Request(`${ORIGIN}/inbox`, { headers: { cookie: browser.cookieHeader() } });
}

describe('asking for a sign-in link', () => {
  it('stores a hashed one-time token and queues a magic-link email with the callback URL', async () => {
    const browser = new Browser();
    const response = await requestLink(browser, `Kari.Nordmann@${CAPITALISED_DOMAIN} `);

    expect(response.status).toBe(302);
    const verify = await browser.fetch(response.headers.get('location')!);
    expect(verify.headers.get('location')).toMatch(/^\/sign-in\/check-email\?/);
    const email = await latestEmailTo(`kari.nordmann@${DOMAIN}`);
    expect(email).toMatchObject({ template: 'magic-link', status: 'queued' });
    expect(email!.subject).toBe('Your Replyline sign-in link');
    const link = new URL(signInLink(email!.text));
    expect(link.origin + link.pathname).toBe(`${ORIGIN}/api/auth/callback/email`);
    expect(link.searchParams.get('email')).toBe(`kari.nordmann@${DOMAIN}`);
    expect(link.searchParams.get('callbackUrl')).toBe(`${ORIGIN}/inbox`);

    const tokens = await t.db
      .select()
      .from(schema.verificationTokens)
      .where(eq(schema.verificationTokens.identifier, `kari.nordmann@${DOMAIN}`));
    expect(tokens).toHaveLength(1);
    // Only a hash is kept: the database alone cannot sign anyone in.
    expect(tokens[0]!.token).not.toBe(link.searchParams.get('token'));
    expect(tokens[0]!.expires.getTime() - Date.now()).toBeGreaterThan(25 * 60_000);

    const job = await t.queue.getJobById(QUEUES.sendEmail, email!.id);
    expect(job?.data).toEqual({ emailId: email!.id });
  });

  it('points the link at the configured dashboard, whatever host the request names', async () => {
    const browser = new Browser();
    await requestLink(browser, `host@${DOMAIN}`, 'http://evil.example/api/auth/signin/email');
    const link = signInLink((await latestEmailTo(`host@${DOMAIN}`))!.text);
    expect(new URL(link).origin).toBe(ORIGIN);
  });

  it('refuses a request without the CSRF token, and sends nothing', async () => {
    const response = await new Browser().fetch('/api/auth/signin/email', {
      form: { email: `forged@${DOMAIN}` },
    });
    expect(response.headers.get('location')).toMatch(/error=MissingCSRF/);
    expect(await latestEmailTo(`forged@${DOMAIN}`)).toBeUndefined();
  });
});

describe('following the link', () => {
  it('creates the user and a database session, and lands on the page asked for', async () => {
    const { browser, response } = await signIn(`new.person@${DOMAIN}`);

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/inbox`);
    const token = browser.cookies.get('authjs.session-token');
    expect(token).toBeTruthy();
    const [session] = await t.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.sessionToken, token!));
    expect(session!.expires.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);

    const user = await t.auth.getSessionUser(asRequest(browser));
    expect(user).toMatchObject({ email: `new.person@${DOMAIN}`, name: null });
    expect(user!.userId).toBe(session!.userId);
    const [stored] = await t.db
      .select({ emailVerified: schema.users.emailVerified })
      .from(schema.users)
      .where(eq(schema.users.id, user!.userId));
    expect(stored!.emailVerified).toBeInstanceOf(Date);
  });

  it('signs an existing user in as themselves, however their address was capitalised', async () => {
    const [existing] = await t.db
      .insert(schema.users)
      .values({ email: `Ola.Invited@${CAPITALISED_DOMAIN}`, name: 'Ola' })
      .returning({ id: schema.users.id });
    const { browser } = await signIn(`ola.invited@${DOMAIN}`);
    expect(await t.auth.getSessionUser(asRequest(browser))).toEqual({
      userId: existing!.id,
      email: `Ola.Invited@${CAPITALISED_DOMAIN}`,
      name: 'Ola',
    });
  });

  it('works once: the same link a second time is refused', async () => {
    const browser = new Browser();
    await requestLink(browser, `once@${DOMAIN}`);
    const link = signInLink((await latestEmailTo(`once@${DOMAIN}`))!.text);
    await browser.fetch(link);

    const again = await new Browser().fetch(link);
    expect(again.headers.get('location')).toBe(`${ORIGIN}/sign-in?error=Verification`);
  });

  it('refuses a tampered token and creates no session', async () => {
    const browser = new Browser();
    await requestLink(browser, `tamper@${DOMAIN}`);
    const link = new URL(signInLink((await latestEmailTo(`tamper@${DOMAIN}`))!.text));
    const token = link.searchParams.get('token')!;
    link.searchParams.set('token', `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`);

    const response = await browser.fetch(link.toString());
    expect(response.headers.get('location')).toBe(`${ORIGIN}/sign-in?error=Verification`);
    expect(browser.cookies.has('authjs.session-token')).toBe(false);
    expect(await usersNamed(`tamper@${DOMAIN}`)).toBe(0);
  });

  it('refuses a link for another address than the one it was sent to', async () => {
    const browser = new Browser();
    await requestLink(browser, `victim@${DOMAIN}`);
    const link = new URL(signInLink((await latestEmailTo(`victim@${DOMAIN}`))!.text));
    link.searchParams.set('email', `attacker@${DOMAIN}`);

    const response = await browser.fetch(link.toString());
    expect(response.headers.get('location')).toBe(`${ORIGIN}/sign-in?error=Verification`);
    expect(await usersNamed(`attacker@${DOMAIN}`)).toBe(0);
  });

  it('refuses an expired link', async () => {
    const browser = new Browser();
    await requestLink(browser, `late@${DOMAIN}`);
    const link = signInLink((await latestEmailTo(`late@${DOMAIN}`))!.text);
    await t.db
      .update(schema.verificationTokens)
      .set({ expires: sql`now() - interval '1 minute'` })
      .where(eq(schema.verificationTokens.identifier, `late@${DOMAIN}`));

    const response = await browser.fetch(link);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/sign-in?error=Verification`);
    expect(browser.cookies.has('authjs.session-token')).toBe(false);
  });
});

describe('sessions', () => {
  it('signing out through Auth.js deletes the session row and clears the cookie', async () => {
    const { browser } = await signIn(`leaver@${DOMAIN}`);
    const token = browser.cookies.get('authjs.session-token')!;
    const csrfToken = await browser.csrfToken();

    const response = await browser.fetch('/api/auth/signout', { form: { csrfToken } });
    expect(response.status).toBe(302);
    expect(browser.cookies.has('authjs.session-token')).toBe(false);
    expect(await sessionExists(token)).toBe(false);
    // The old cookie, replayed, no longer signs anyone in.
    const replay = new Request(`${ORIGIN}/`, {
      headers: { cookie: `authjs.session-token=${token}` },
    });
    expect(await t.auth.getSessionUser(replay)).toBeNull();
  });

  it('signOut(cookies) ends the session the cookie names', async () => {
    const { browser } = await signIn(`server-action@${DOMAIN}`);
    const token = browser.cookies.get('authjs.session-token')!;
    const store = {
      get: (name: string) => (name === 'authjs.session-token' ? { value: token } : undefined),
    };

    expect(await t.auth.getSessionUser(store)).toMatchObject({ email: `server-action@${DOMAIN}` });
    await t.auth.signOut(store);
    expect(await sessionExists(token)).toBe(false);
    expect(await t.auth.getSessionUser(store)).toBeNull();
  });

  it('an expired session signs nobody in', async () => {
    const { browser } = await signIn(`expired-session@${DOMAIN}`);
    await t.db
      .update(schema.sessions)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(schema.sessions.sessionToken, browser.cookies.get('authjs.session-token')!));
    expect(await t.auth.getSessionUser(asRequest(browser))).toBeNull();
  });

  it('no cookie, an unknown token or a malformed cookie means signed out', async () => {
    const cookie = (value: string) =>
      new Request(`${ORIGIN}/`, { headers: { cookie: `authjs.session-token=${value}` } });
    expect(await t.auth.getSessionUser(new Request(`${ORIGIN}/`))).toBeNull();
    expect(await t.auth.getSessionUser(cookie('not-a-session'))).toBeNull();
    expect(await t.auth.getSessionUser(cookie('%E0%A4%A'))).toBeNull();
  });
});

async function sessionExists(token: string) {
  const rows = await t.db
    .select({ token: schema.sessions.sessionToken })
    .from(schema.sessions)
    .where(eq(schema.sessions.sessionToken, token));
  return rows.length > 0;
}

async function usersNamed(email: string) {
  const rows = await t.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(eq(sql`lower(${schema.users.email})`, email)));
  return rows.length;
}
