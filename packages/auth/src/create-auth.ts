import { Auth, type AuthConfig } from '@auth/core';
import { createAuthConfig, type AuthDeps } from './auth-config';
import {
  deleteSession,
  findSessionUser,
  readCookie,
  sessionCookieName,
  type SessionSource,
  type SessionUser,
} from './session';

export interface DashboardAuth {
  config: AuthConfig;
  /** The session cookie, for clearing it on sign-out. */
  sessionCookie: { name: string; secure: boolean };
  /** Answers every request under /api/auth (csrf, sign-in, the link's callback, sign-out…). */
  handleAuthRequest(request: Request): Promise<Response>;
  /** The signed-in user of a request or cookie store; null when signed out or expired. */
  getSessionUser(source: SessionSource): Promise<SessionUser | null>;
  /** Deletes the session the cookie names; the caller clears the cookie. */
  signOut(source: SessionSource): Promise<void>;
}

/** Sign-in for the dashboard, bound to one database and queue. */
export function createAuth(deps: AuthDeps): DashboardAuth {
  const config = createAuthConfig(deps);
  const sessionCookie = {
    name: sessionCookieName(deps.env.secureCookies),
    secure: deps.env.secureCookies,
  };
  const tokenOf = (source: SessionSource) => readCookie(source, sessionCookie.name);

  return {
    config,
    sessionCookie,
    handleAuthRequest: (request) => Auth(atOrigin(request, deps.env.dashboardOrigin), config),
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
