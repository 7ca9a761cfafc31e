import { isIpLiteral, isPublicAddress } from './public-address';

export interface OutboundUrlRules {
  /**
   * Development and tests: http, localhost and private addresses are accepted. Set from the
   * caller's validated env, never from tenant input.
   */
  allowPrivateAddresses?: boolean;
}

/** Names that only mean something inside one network (RFC 6761, RFC 8375, ICANN's .internal). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa'];

/**
 * Why a tenant's outbound address is refused when it is saved, or null when it is fine: a
 * full https URL, no user name or password in it, and not a local name or non-public IP
 * literal. A name is not resolved here: what it points to can change, so `safeFetch` checks
 * the address again when it connects. The message is for the person who typed the address.
 */
export function checkOutboundUrl(raw: string, rules: OutboundUrlRules = {}): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full address, starting with https://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'The address must start with https://.';
  if (url.username || url.password) return 'The address must not contain a user name or password.';
  const local = isLocalHost(url.hostname);
  if (local && rules.allowPrivateAddresses) return null;
  if (url.protocol !== 'https:') return 'The address must start with https://.';
  if (local)
    return `The address must be reachable on the public internet; ${url.hostname} is a local or private address.`;
  return null;
}

/** A local name, a name without a dot, or an IP literal that is not public unicast. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isIpLiteral(host)) return !isPublicAddress(host);
  if (!host.includes('.')) return true;
  return LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
