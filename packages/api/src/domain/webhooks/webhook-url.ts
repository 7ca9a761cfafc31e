import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a webhook address is refused, or null when it is fine: https only, except a local
 * address while developing; never a private network address in production, so a tenant cannot
 * make our servers call into our own network.
 */
export function webhookUrlProblem(raw: string, options: { allowLocal: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full address, starting with https://.';
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (local && options.allowLocal && (url.protocol === 'http:' || url.protocol === 'https:'))
    return null;
  if (url.protocol !== 'https:') return 'The address must start with https://.';
  if (url.username || url.password) return 'The address must not contain a user name or password.';
  if (local || isPrivateAddress(url.hostname.replace(/^\[|\]$/g, '')))
    return 'The address must be reachable on the public internet.';
  return null;
}

/**
 * Checked again right before each delivery: the name may resolve to a private address by then
 * (DNS can change after the address was saved).
 */
export async function resolvesToPrivateAddress(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPrivateAddress(host);
  const addresses = await lookup(host, { all: true });
  return addresses.some((a) => isPrivateAddress(a.address));
}

/** Loopback, private, link-local (cloud metadata), carrier-grade NAT and unspecified ranges. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (version === 6) {
    const lower = address.toLowerCase();
    const mapped = lower.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return (
      lower === '::' ||
      lower === '::1' ||
      /^f[cd][0-9a-f]{2}:/.test(lower) ||
      /^fe[89ab][0-9a-f]:/.test(lower)
    );
  }
  return false;
}
