import { checkOutboundUrl, safeFetch, type SafeFetchOptions } from '@replyline/net';
import { DomainError } from '../domain-error';
import { z } from 'zod';
import { ssoMayReachLocal } from './env';

const ZDiscovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  userinfo_endpoint: z.string(),
  jwks_uri: z.string(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});

const ENDPOINTS = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
] as const;

/** How the discovery document is fetched; tests and development may reach a local provider. */
export type DiscoveryFetchOptions = Pick<SafeFetchOptions, 'allowPrivateAddresses' | 'resolve'>;

function refuse(message: string): never {
  throw new DomainError('bad_input', message);
}

/**
 * Checks, server-side, that `issuer` is an OpenID Connect provider we can sign people in with:
 * its discovery document is served, names this very issuer, has every endpoint sign-in uses on
 * a public address, and supports PKCE with S256 (without it Auth.js would quietly drop PKCE).
 * Fetched with `safeFetch`: the address is checked when connecting, no redirect is followed.
 * Returns the issuer exactly as the provider spells it (ID tokens are compared with it).
 */
export async function discoverIssuer(
  issuer: string,
  options: DiscoveryFetchOptions = {},
): Promise<string> {
  const rules = { allowPrivateAddresses: options.allowPrivateAddresses ?? ssoMayReachLocal() };
  const problem = checkOutboundUrl(issuer, rules);
  if (problem) refuse(`Issuer URL: ${problem}`);
  const url = new URL(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  const document = await fetchDiscovery(url, { ...options, ...rules });
  const parsed = ZDiscovery.safeParse(document);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    refuse(
      `${url} is not an OpenID Connect discovery document we can use (missing or wrong: ${missing}).`,
    );
  }
  const found = parsed.data;
  if (new URL(found.issuer).href !== new URL(issuer).href)
    refuse(
      `The provider calls itself ${found.issuer}, not ${issuer}. Enter the issuer exactly as ${found.issuer}.`,
    );
  for (const endpoint of ENDPOINTS) {
    const endpointProblem = checkOutboundUrl(found[endpoint], rules);
    if (endpointProblem)
      refuse(`The provider's ${endpoint} (${found[endpoint]}): ${endpointProblem}`);
  }
  if (!found.code_challenge_methods_supported?.includes('S256'))
    refuse(
      'The provider does not support PKCE with S256, which Replyline requires. Turn it on for this application in your identity provider.',
    );
  return found.issuer;
}

async function fetchDiscovery(url: URL, options: SafeFetchOptions): Promise<unknown> {
  let response;
  try {
    response = await safeFetch(
      url,
      { headers: { accept: 'application/json' } },
      { ...options, timeoutMs: 5_000, maxResponseBytes: 256 * 1024 },
    );
  } catch (error) {
    refuse(`We could not reach ${url.origin} (${(error as Error).message}). Check the issuer URL.`);
  }
  if (!response.ok)
    refuse(`${url} answered ${response.status}, not a discovery document. Check the issuer URL.`);
  try {
    return JSON.parse(Buffer.from(response.body).toString('utf8'));
  } catch {
    return refuse(`${url} did not answer with JSON. Check the issuer URL.`);
  }
}
