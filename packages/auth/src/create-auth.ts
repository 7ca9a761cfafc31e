import type { AuthConfig } from '@auth/core';
import { createAuthConfig, type AuthDeps } from './auth-config';
import { routeAuthRequest } from './auth-request';
import {
  deleteSession,
  findSessionUser,
  readCookie,
  sessionCookieName,
  type SessionSource,
  type SessionUser,
} from './session';
import { createSignInThrottle, type SignInThrottle } from './sign-in-throttle';

export interface DashboardAuth {
  /** The configuration of a request without SSO (each SSO request adds its workspace's provider). */
  config: AuthConfig;
  /** The session cookie, for clearing it on sign-out. */
  sessionCookie: { name: string; secure: boolean };
  /** Answers every request under /api/auth (csrf, sign-in, the link's callback, SSO, sign-out…). */
  handleAuthRequest(request: Request): Promise<Response>;
  /** The signed-in user of a request or cookie store; null when signed out or expired. */
  getSessionUser(source: SessionSource): Promise<SessionUser | null>;
  /** Deletes the session the cookie names; the caller clears the cookie. */
  signOut(source: SessionSource): Promise<void>;
}

/** Sign-in for the dashboard, bound to one database and queue. */
export function createAuth(deps: AuthDeps & { throttle?: SignInThrottle }): DashboardAuth {
  const throttle = deps.throttle ?? createSignInThrottle(deps.db);
  const config = createAuthConfig(deps, { sso: null, ip: null, throttle });
  const sessionCookie = {
    name: sessionCookieName(deps.env.secureCookies),
    secure: deps.env.secureCookies,
  };
  const tokenOf = (source: SessionSource) => readCookie(source, sessionCookie.name);

  return {
    config,
    sessionCookie,
    handleAuthRequest: (request) =>
      routeAuthRequest(deps, throttle, atOrigin(request, deps.env.dashboardOrigin)),
    async getSessionUser(source) {
      const token = tokenOf(source);
      return token ? findSessionUser(deps.db, token) : null;
    },
    async signOut(source) {
      const token = tokenOf(source);
      if (token) await deleteSession(deps.db, token);
    },
  };
}

/**
 * The same request addressed to the dashboard's configured origin. Behind a proxy the request
 * URL may name an internal host, and a forged Host header must not make the magic link point to
 * an attacker's site: links and redirects are built from this URL.
 */
function atOrigin(request: Request, origin: string): Request {
  const url = new URL(request.url);
  if (url.origin === origin) return request;
  return new Request(new URL(`${url.pathname}${url.search}`, origin), request);
}
