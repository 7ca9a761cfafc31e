import type { AuthConfig } from '@auth/core';
import type { LoggerInstance } from '@auth/core/types';
import { createAdapter } from './adapter';
import type { AuthEnv } from './env';
import { magicLinkProvider, type MagicLinkDeps } from './magic-link-provider';

/** Where the dashboard mounts Auth.js: `src/app/api/auth/[...auth]/route.ts`. */
export const AUTH_BASE_PATH = '/api/auth';

const DAY_SECONDS = 24 * 60 * 60;

export interface AuthDeps extends MagicLinkDeps {
  env: AuthEnv;
  /** Where Auth.js reports problems (a refused link, a failed send); its default is the console. */
  logger?: Partial<LoggerInstance>;
}

/** Email magic links, sessions stored in the database, our own sign-in pages. */
export function createAuthConfig(deps: AuthDeps): AuthConfig {
  return {
    basePath: AUTH_BASE_PATH,
    secret: deps.env.secret,
    adapter: createAdapter(deps.db),
    providers: [magicLinkProvider(deps)],
    // Rows, not JWTs: signing out (or removing a person) ends the session everywhere at once.
    session: { strategy: 'database', maxAge: 30 * DAY_SECONDS, updateAge: DAY_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in', verifyRequest: '/sign-in/check-email' },
    // Every request is re-addressed to the configured origin before it gets here (see
    // handleAuthRequest), so the Host header never decides where a sign-in link points.
    trustHost: true,
    useSecureCookies: deps.env.secureCookies,
    logger: deps.logger,
  };
}
