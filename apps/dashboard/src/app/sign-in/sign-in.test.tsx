import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { safeCallbackPath, signInErrorMessage, waitMessage } from './messages';
import { requestSignInLink } from './request-link';
import { SignInForm } from './sign-in-form';

function form(props: Partial<Parameters<typeof SignInForm>[0]> = {}) {
  return renderToString(
    <SignInForm callbackPath="/" error={null} linkMinutes={30} devOutbox={false} {...props} />,
  );
}

describe('sign-in form', () => {
  it('has a labelled, required email field and the submit button', () => {
    const html = form();
    expect(html).toMatch(/<label for="email">Work email<\/label>/);
    const input = /<input[^>]*id="email"[^>]*>/.exec(html)?.[0];
    for (const attribute of ['name="email"', 'type="email"', 'required=""'])
      expect(input).toContain(attribute);
    expect(html).toMatch(/<button type="submit"[^>]*>Email me a sign-in link<\/button>/);
  });

  it('points developers to the dev outbox, and nobody else', () => {
    expect(form({ devOutbox: true })).toContain('href="/dev/outbox"');
    expect(form({ devOutbox: false })).not.toContain('/dev/outbox');
  });

  it('says why the last link did not work', () => {
    const html = form({ error: signInErrorMessage('Verification') });
    expect(html).toMatch(/role="alert"[^>]*>That sign-in link has expired or was already used/);
  });
});

describe('requesting a link', () => {
  /** Answers like Auth.js: a CSRF token, then the next URL as JSON. */
  const ORIGIN = 'http://localhost:3001';
  function authjs(nextUrl: string, status = 200) {
    const calls: { url: string; body?: string; headers?: HeadersInit }[] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body?.toString(), headers: init?.headers });
      return url === '/api/auth/csrf'
        ? Response.json({ csrfToken: 'csrf-1' })
        : Response.json({ url: nextUrl }, { status });
    }) as typeof fetch;
    return { calls, fetcher };
  }

  it('posts the address with the CSRF token and where to land afterwards', async () => {
    const { calls, fetcher } = authjs(
      'http://localhost:3001/api/auth/verify-request?provider=email',
    );
    expect(await requestSignInLink('kari@example.com', '/inbox', fetcher, ORIGIN)).toEqual({
      kind: 'sent',
    });
    expect(calls[1]!.url).toBe('/api/auth/signin/email');
    expect(new URLSearchParams(calls[1]!.body)).toEqual(
      new URLSearchParams({
        email: 'kari@example.com',
        csrfToken: 'csrf-1',
        callbackUrl: '/inbox',
      }),
    );
  });

  it('turns a refusal into a sentence', async () => {
    const { fetcher } = authjs('http://localhost:3001/sign-in?error=MissingCSRF');
    await expect(requestSignInLink('kari@example.com', '/', fetcher, ORIGIN)).rejects.toThrow(
      'The sign-in form had expired. Please try again.',
    );
  });

  it('hands over to the identity provider for a single-sign-on address', async () => {
    const idp = 'https://login.acme.example/authorize?client_id=replyline&state=s';
    const { fetcher } = authjs(idp);
    expect(await requestSignInLink('kari@acme.example', '/', fetcher, ORIGIN)).toEqual({
      kind: 'sso',
      url: idp,
    });
  });

  it('says how long to wait when links were asked for too often', async () => {
    const { fetcher } = authjs(`${ORIGIN}/sign-in/check-email?retryMinutes=7`, 429);
    expect(await requestSignInLink('kari@example.com', '/', fetcher, ORIGIN)).toEqual({
      kind: 'wait',
      minutes: 7,
    });
    expect(waitMessage(7)).toBe(
      'We’ve just sent you a link; check your inbox or try again in 7 minutes.',
    );
    expect(waitMessage(1)).toMatch(/try again in 1 minute\.$/);
  });

  it('words every single sign-on refusal for a person', async () => {
    for (const code of [
      'SsoEmailUnverified',
      'SsoWrongDomain',
      'SsoNotMember',
      'SsoUnavailable',
      'SsoFailed',
      'SsoRequired',
    ])
      expect(signInErrorMessage(code), code).not.toBe(signInErrorMessage('Configuration'));
    const { fetcher } = authjs(`${ORIGIN}/sign-in?error=SsoRequired`);
    await expect(requestSignInLink('kari@acme.example', '/', fetcher, ORIGIN)).rejects.toThrow(
      /signs in with single sign-on/,
    );
  });
});

describe('after signing in', () => {
  it('only lands on pages of this site', () => {
    expect(safeCallbackPath('/knowledge?tab=faq')).toBe('/knowledge?tab=faq');
    expect(safeCallbackPath('https://evil.example/')).toBe('/');
    expect(safeCallbackPath('//evil.example/')).toBe('/');
    expect(safeCallbackPath('/\\evil.example')).toBe('/');
    expect(safeCallbackPath(undefined)).toBe('/');
  });
});
