import { Auth } from '@auth/core';
import {
  AUTH_BASE_PATH,
  CHECK_EMAIL_PAGE,
  createAuthConfig,
  SIGN_IN_PAGE,
  type AuthDeps,
  type RequestScope,
} from './auth-config';
import { requestIp } from './request-ip';
import { sessionCookieName } from './session';
import type { SignInThrottle } from './sign-in-throttle';
import { findSsoConnectionForEmail, loadSsoConnection } from './sso/sso-connection';
import { ssoProviderId, tenantOfSsoProvider } from './sso/sso-provider';

/**
 * One request under /api/auth, already addressed to the dashboard's origin. Auth.js answers all
 * of them; around it: an address in a single-sign-on domain is sent to its workspace's identity
 * provider instead of being emailed a link, and SSO requests get their workspace's provider.
 */
export async function routeAuthRequest(
  deps: AuthDeps,
  throttle: SignInThrottle,
  request: Request,
): Promise<Response> {
  const [action, providerId] = new URL(request.url).pathname
    .slice(AUTH_BASE_PATH.length + 1)
    .split('/');
  const scope: RequestScope = { sso: null, ip: requestIp(request), throttle };
  if (request.method === 'POST' && action === 'signin' && providerId === 'email')
    return requestLink(deps, scope, request);
  const tenantId = tenantOfSsoProvider(providerId);
  if (tenantId && (action === 'signin' || action === 'callback')) {
    const sso = await loadSsoConnection(deps.db, tenantId);
    if (!sso) return redirectTo(request, `${SIGN_IN_PAGE}?error=SsoUnavailable`);
    const config = createAuthConfig(deps, { ...scope, sso });
    if (action === 'signin') return asSsoFailure(await Auth(onlyLoginHint(request), config));
    return asSsoFailure(await Auth(withoutSession(request, deps), config));
  }
  return Auth(request, createAuthConfig(deps, scope));
}

/** The email form: SSO for a single-sign-on domain (automatic routing), a link for anyone else. */
async function requestLink(deps: AuthDeps, scope: RequestScope, request: Request) {
  const body = await request.text();
  const email = formValue(request, body, 'email');
  const sso = email ? await findSsoConnectionForEmail(deps.db, email) : null;
  if (sso) {
    const url = new URL(`${AUTH_BASE_PATH}/signin/${ssoProviderId(sso.tenantId)}`, request.url);
    url.searchParams.set('login_hint', email!.trim());
    const routed = new Request(url, { method: 'POST', headers: request.headers, body });
    return asSsoFailure(await Auth(routed, createAuthConfig(deps, { ...scope, sso })));
  }
  const response = await Auth(
    new Request(request.url, { method: 'POST', headers: request.headers, body }),
    createAuthConfig(deps, scope),
  );
  return asThrottleStatus(request, response);
}

function formValue(request: Request, body: string, name: string): string | null {
  if (request.headers.get('content-type')?.includes('application/json')) {
    try {
      const value = (JSON.parse(body) as Record<string, unknown>)[name];
      return typeof value === 'string' ? value : null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(body).get(name);
}

/**
 * Auth.js copies the sign-in URL's query into the authorization request; only the address hint
 * is ours to pass, nothing that could change where the provider sends its answer.
 */
function onlyLoginHint(request: Request): Request {
  const url = new URL(request.url);
  const hint = url.searchParams.get('login_hint');
  url.search = hint ? new URLSearchParams({ login_hint: hint }).toString() : '';
  return new Request(url, request);
}

/**
 * The provider's answer always signs in the person it names as themselves. With a session
 * cookie present Auth.js would instead link that identity to whoever is signed in in this
 * browser, so the cookie is not passed on.
 */
function withoutSession(request: Request, deps: AuthDeps): Request {
  const name = sessionCookieName(deps.env.secureCookies);
  const cookies = (request.headers.get('cookie') ?? '')
    .split(';')
    .filter((part) => part.split('=')[0]!.trim() !== name)
    .join(';');
  const headers = new Headers(request.headers);
  headers.set('cookie', cookies);
  return new Request(request, { headers });
}

/**
 * Auth.js reports an SSO step it could not complete (the provider unreachable, state or PKCE
 * mismatch, another issuer, a provider error) as a configuration error; the sign-in page says
 * what happened instead. The error URL is a redirect, or JSON for the form's script.
 */
async function asSsoFailure(response: Response): Promise<Response> {
  const json = response.headers.get('content-type')?.includes('application/json');
  const target = json
    ? ((await response.clone().json()) as { url?: string }).url
    : response.headers.get('location');
  if (!target) return response;
  const url = new URL(target);
  const error = url.searchParams.get('error');
  if (url.pathname !== SIGN_IN_PAGE || !error || error.startsWith('Sso')) return response;
  url.searchParams.set('error', 'SsoFailed');
  const headers = new Headers(response.headers);
  if (json) return Response.json({ url: url.toString() }, { status: response.status, headers });
  headers.set('location', url.toString());
  return new Response(null, { status: response.status, headers });
}

/** A throttled request answered to the form's fetch: 429 with Retry-After, the page URL kept. */
async function asThrottleStatus(request: Request, response: Response): Promise<Response> {
  if (!request.headers.has('x-auth-return-redirect') || response.status !== 200) return response;
  const { url } = (await response.clone().json()) as { url?: string };
  const page = url ? new URL(url, request.url) : null;
  const minutes =
    page?.pathname === CHECK_EMAIL_PAGE ? page.searchParams.get('retryMinutes') : null;
  if (!minutes) return response;
  const headers = new Headers(response.headers);
  headers.set('retry-after', String(Number(minutes) * 60));
  return Response.json({ url }, { status: 429, headers });
}

function redirectTo(request: Request, path: string): Response {
  const url = new URL(path, request.url).toString();
  if (request.headers.has('x-auth-return-redirect')) return Response.json({ url });
  return new Response(null, { status: 302, headers: { location: url } });
}
