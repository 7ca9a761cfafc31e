import { customFetch } from '@auth/core';
import type { OIDCConfig } from '@auth/core/providers';
import { asTenantId, type TenantId } from '@replyline/db';
import { z } from 'zod';
import type { SsoConnection } from './sso-connection';

const PREFIX = 'oidc-';

/** The claims we read from the identity provider (userinfo, checked against the ID token's sub). */
export interface SsoProfile {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  [claim: string]: unknown;
}

/** Auth.js provider id of a workspace's connection: `oidc-<tenantId>`, in its sign-in and callback URLs. */
export function ssoProviderId(tenantId: TenantId): string {
  return `${PREFIX}${tenantId}`;
}

/** The workspace a provider id names, or null when it is not an SSO provider id. */
export function tenantOfSsoProvider(providerId: string | undefined): TenantId | null {
  if (!providerId?.startsWith(PREFIX)) return null;
  const id = providerId.slice(PREFIX.length);
  return z.uuid().safeParse(id).success ? asTenantId(id) : null;
}

/**
 * The workspace's identity provider as an Auth.js OIDC provider, built per request from the
 * stored connection. Authorization Code with PKCE, state and nonce; the profile comes from the
 * userinfo endpoint (not every provider puts the email in the ID token), which Auth.js checks
 * against the validated ID token's subject.
 */
export function ssoProvider(
  connection: SsoConnection,
  fetchImpl: typeof fetch = fetch,
): OIDCConfig<SsoProfile> {
  return {
    id: ssoProviderId(connection.tenantId),
    name: 'Single sign-on',
    type: 'oidc',
    issuer: connection.issuer,
    clientId: connection.clientId,
    clientSecret: connection.clientSecret,
    checks: ['pkce', 'state', 'nonce'],
    idToken: false,
    // The signIn callback admits only a verified address in the workspace's DNS-verified domain,
    // whose owner runs this provider: linking to an existing user of that address is safe.
    allowDangerousEmailAccountLinking: true,
    // Keep none of the provider's tokens: we only need to know who signed in.
    account: () => ({}),
    profile: (profile) => ({
      id: profile.sub,
      name: typeof profile.name === 'string' ? profile.name : null,
      email: profile.email?.toLowerCase() ?? null,
      image: null,
    }),
    [customFetch]: fetchImpl,
  };
}
