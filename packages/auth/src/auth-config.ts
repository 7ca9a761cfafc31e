import type { AuthConfig } from '@auth/core';
import type { LoggerInstance } from '@auth/core/types';
import { asUserId } from '@replyline/db';
import { createAdapter } from './adapter';
import type { AuthEnv } from './env';
import { magicLinkProvider, type MagicLinkDeps } from './magic-link-provider';
import type { SignInThrottle } from './sign-in-throttle';
import { findSsoConnectionForEmail, type SsoConnection } from './sso/sso-connection';
import { ssoProvider, ssoProviderId, type SsoProfile } from './sso/sso-provider';
import { joinThroughSso, ssoSignInRefusal } from './sso/sso-sign-in';

/** Where the dashboard mounts Auth.js: `src/app/api/auth/[...auth]/route.ts`. */
export const AUTH_BASE_PATH = '/api/auth';

/** The sign-in page; Auth.js's errors and ours arrive there as `?error=<code>`. */
export const SIGN_IN_PAGE = '/sign-in';
/** Where a browser goes once a link is on its way (or, with `retryMinutes`, when it must wait). */
export const CHECK_EMAIL_PAGE = '/sign-in/check-email';

const DAY_SECONDS = 24 * 60 * 60;

export interface AuthDeps extends MagicLinkDeps {
  env: AuthEnv;
  /** Where Auth.js reports problems (a refused link, a failed send); its default is the console. */
  logger?: Partial<LoggerInstance>;
  /** How outbound calls to workspaces' identity providers are made; plain fetch by default. */
  ssoFetch?: typeof fetch;
}

/** What one request adds to the configuration. */
export interface RequestScope {
  /** The workspace connection this request signs in through, when it is an SSO request. */
  sso: SsoConnection | null;
  ip: string | null;
  throttle: SignInThrottle;
}

/**
 * Email magic links, the request's SSO provider, sessions stored in the database, our own pages.
 * Auth.js takes its configuration with every call, so a single-sign-on request simply carries
 * its one workspace's provider (`oidc-<tenantId>`, read from the database for that request): no
 * process-wide list of every workspace's provider, no secrets held for workspaces not signing in,
 * and a connection switched off is gone from the very next request.
 */
export function createAuthConfig(deps: AuthDeps, scope: RequestScope): AuthConfig {
  const { sso } = scope;
  return {
    basePath: AUTH_BASE_PATH,
    secret: deps.env.secret,
    adapter: createAdapter(deps.db),
    providers: [magicLinkProvider(deps), ...(sso ? [ssoProvider(sso, deps.ssoFetch)] : [])],
    // Rows, not JWTs: signing out (or removing a person) ends the session everywhere at once.
    session: { strategy: 'database', maxAge: 30 * DAY_SECONDS, updateAge: DAY_SECONDS },
    pages: { signIn: SIGN_IN_PAGE, error: SIGN_IN_PAGE, verifyRequest: CHECK_EMAIL_PAGE },
    callbacks: {
      async signIn({ user, account, profile, email }) {
        if (account?.provider === 'email')
          return magicLinkAllowed(
            deps,
            scope,
            user.email ?? '',
            Boolean(email?.verificationRequest),
          );
        if (sso && account?.provider === ssoProviderId(sso.tenantId)) {
          const refusal = await ssoSignInRefusal(deps.db, sso, profile as SsoProfile);
          return refusal ? `${SIGN_IN_PAGE}?error=${refusal}` : true;
        }
        return false;
      },
    },
    events: {
      async signIn({ user, account }) {
        if (!sso || account?.provider !== ssoProviderId(sso.tenantId) || !user.id) return;
        await joinThroughSso(deps.db, sso, {
          userId: asUserId(user.id),
          email: user.email ?? '',
          requestIp: scope.ip,
        });
      },
    },
    // Every request is re-addressed to the configured origin before it gets here (see
    // handleAuthRequest), so the Host header never decides where a sign-in link points.
    trustHost: true,
    useSecureCookies: deps.env.secureCookies,
    logger: deps.logger,
  };
}

/**
 * Magic links are refused for addresses whose domain a workspace has put behind single sign-on
 * (asking for one and following one issued before SSO was switched on alike): that domain's
 * people sign in through their identity provider, which can lock them out. Asking is throttled
 * per address and per client; a throttled request lands on the check-email page with the wait.
 */
async function magicLinkAllowed(
  deps: AuthDeps,
  scope: RequestScope,
  email: string,
  asking: boolean,
): Promise<true | string> {
  if (await findSsoConnectionForEmail(deps.db, email)) return `${SIGN_IN_PAGE}?error=SsoRequired`;
  if (!asking) return true;
  const wait = await scope.throttle(email, scope.ip);
  if (!wait) return true;
  return `${CHECK_EMAIL_PAGE}?retryMinutes=${Math.ceil(wait.retryAfterSeconds / 60)}`;
}
