import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { safeCallbackPath, signInErrorMessage } from './messages';
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
  function authjs(nextUrl: string) {
    const calls: { url: string; body?: string; headers?: HeadersInit }[] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body?.toString(), headers: init?.headers });
      return url === '/api/auth/csrf'
        ? Response.json({ csrfToken: 'csrf-1' })
        : Response.json({ url: nextUrl });
    }) as typeof fetch;
    return { calls, fetcher };
  }

  it('posts the address with the CSRF token and where to land afterwards', async () => {
    const { calls, fetcher } = authjs(
      'http://localhost:3001/api/auth/verify-request?provider=email',
    );
    await requestSignInLink('kari@example.com', '/inbox', fetcher);
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
    await expect(requestSignInLink('kari@example.com', '/', fetcher)).rejects.toThrow(
      'The sign-in form had expired. Please try again.',
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
