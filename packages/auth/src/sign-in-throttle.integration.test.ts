// Sign-in links are throttled per address and per client, in the shared Postgres counters, with
// the same polite answer whether or not the address has an account.
import { randomUUID } from 'node:crypto';
import { schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN as ORIGIN, useAuthTestbed } from './testing/auth-testbed';
import { Browser } from './testing/browser';

const t = useAuthTestbed();

/** A client address of its own for each test: counters live in the shared database. */
function newIp(): string {
  const bytes = randomUUID().replaceAll('-', '').slice(0, 6);
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4), 16)}`;
}

/** The sign-in form's request (JSON answer, as the page's script asks for it). */
async function askForLink(email: string, ip: string, asForm = false) {
  const browser = new Browser((request) => t.auth.handleAuthRequest(request), ORIGIN, {
    'x-forwarded-for': ip,
  });
  const csrfToken = await browser.csrfToken();
  return browser.fetch('/api/auth/signin/email', {
    form: { email, csrfToken, callbackUrl: `${ORIGIN}/inbox` },
    headers: asForm ? {} : { 'x-auth-return-redirect': '1' },
  });
}

async function emailsTo(email: string) {
  return t.db.$count(schema.outboundEmails, eq(schema.outboundEmails.to, email));
}

async function answer(response: Response) {
  const { url } = (await response.json()) as { url: string };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    url: new URL(url),
  };
}

describe('sign-in link throttle', () => {
  it('sends three links to one address in ten minutes, then asks to check the inbox or wait', async () => {
    const email = `often-${randomUUID().slice(0, 8)}@example.com`;
    const ip = newIp();
    for (let i = 0; i < 3; i++) expect((await askForLink(email, ip)).status).toBe(200);

    const refused = await answer(await askForLink(email, ip));
    expect(refused.status).toBe(429);
    expect(refused.url.pathname).toBe('/sign-in/check-email');
    expect(refused.url.searchParams.get('retryMinutes')).toBe('10');
    expect(Number(refused.retryAfter)).toBe(600);
    expect(await emailsTo(email)).toBe(3);
  });

  it('answers the same for an address with an account and one without', async () => {
    const known = `known-${randomUUID().slice(0, 8)}@example.com`;
    const unknown = `unknown-${randomUUID().slice(0, 8)}@example.com`;
    await t.db.insert(schema.users).values({ email: known });
    const answers = [];
    for (const email of [known, unknown]) {
      const ip = newIp();
      for (let i = 0; i < 3; i++) await askForLink(email, ip);
      const refused = await answer(await askForLink(email, ip));
      answers.push({ ...refused, url: refused.url.toString() });
    }
    expect(answers[0]).toMatchObject({ status: 429, retryAfter: '600' });
    expect(answers[0]).toEqual(answers[1]);
  });

  it('sends a browser without script to the check-email page with the wait', async () => {
    const email = `noscript-${randomUUID().slice(0, 8)}@example.com`;
    const ip = newIp();
    for (let i = 0; i < 3; i++) await askForLink(email, ip, true);
    const refused = await askForLink(email, ip, true);
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe(`${ORIGIN}/sign-in/check-email?retryMinutes=10`);
  });

  it('sends twenty links an hour from one client address, then refuses that address only', async () => {
    const ip = newIp();
    const batch = randomUUID().slice(0, 8);
    for (let i = 0; i < 20; i++)
      expect((await askForLink(`p${i}-${batch}@example.com`, ip)).status, `request ${i + 1}`).toBe(
        200,
      );

    const refused = await answer(await askForLink(`p20-${batch}@example.com`, ip));
    expect(refused.status).toBe(429);
    expect(Number(refused.url.searchParams.get('retryMinutes'))).toBeGreaterThan(50);
    expect(await emailsTo(`p20-${batch}@example.com`)).toBe(0);
    expect((await askForLink(`p20-${batch}@example.com`, newIp())).status).toBe(200);
  });

  it('keys the client on the address our proxy appended, not one the client made up', async () => {
    const ip = newIp();
    const batch = randomUUID().slice(0, 8);
    for (let i = 0; i < 20; i++)
      await askForLink(`s${i}-${batch}@example.com`, `${newIp()}, ${ip}`);
    const refused = await askForLink(`s20-${batch}@example.com`, `${newIp()}, ${ip}`);
    expect(refused.status).toBe(429);
  });
});
