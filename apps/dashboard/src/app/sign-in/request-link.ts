import { signInErrorMessage } from './messages';

/**
 * Asks Auth.js to email a sign-in link, as its own client does: fetch a CSRF token (it also
 * sets the matching cookie), then post the address with it. Throws an Error whose message can be
 * shown as is.
 */
export async function requestSignInLink(
  email: string,
  callbackPath: string,
  fetcher: typeof fetch = fetch,
): Promise<void> {
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
  if (!response.ok || !url) throw new Error(signInErrorMessage('Configuration'));
  const error = new URL(url, 'http://dashboard.invalid').searchParams.get('error');
  if (error) throw new Error(signInErrorMessage(error));
}
