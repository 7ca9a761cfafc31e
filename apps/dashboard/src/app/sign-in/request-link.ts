import { signInErrorMessage } from './messages';

/** What happened to the address: a link is on its way, it must wait, or SSO takes over. */
export type SignInOutcome =
  { kind: 'sent' } | { kind: 'wait'; minutes: number } | { kind: 'sso'; url: string };

/**
 * Asks Auth.js to email a sign-in link, as its own client does: fetch a CSRF token (it also
 * sets the matching cookie), then post the address with it. The server answers with where to
 * go next: the check-email page (sent, or `retryMinutes` when throttled), or, for an address
 * in a single-sign-on domain, the workspace's identity provider. Throws an Error whose message
 * can be shown as is.
 */
export async function requestSignInLink(
  email: string,
  callbackPath: string,
  fetcher: typeof fetch = fetch,
  origin: string = globalThis.location.origin,
): Promise<SignInOutcome> {
  const csrf = await fetcher('/api/auth/csrf', { cache: 'no-store' });
  if (!csrf.ok) throw new Error(signInErrorMessage('Configuration'));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const response = await fetcher('/api/auth/signin/email', {
    method: 'POST',
    // Answer with the next URL as JSON instead of a redirect, so the form can stay on the page.
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-auth-return-redirect': '1',
    },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: callbackPath }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  if (!url || (!response.ok && response.status !== 429))
    throw new Error(signInErrorMessage('Configuration'));
  return outcomeOf(new URL(url, origin), origin);
}

function outcomeOf(next: URL, origin: string): SignInOutcome {
  // Only the server sends the browser elsewhere, and only to the workspace's identity provider.
  if (next.origin !== origin) return { kind: 'sso', url: next.toString() };
  const error = next.searchParams.get('error');
  if (error) throw new Error(signInErrorMessage(error));
  const minutes = Number(next.searchParams.get('retryMinutes'));
  if (minutes > 0) return { kind: 'wait', minutes };
  return { kind: 'sent' };
}
