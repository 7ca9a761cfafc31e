import ipaddr from 'ipaddr.js';

/** IPv6 global unicast (2000::/3): everything else is loopback, link-local, ULA, mapped, … */
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * Whether an IP address may be connected to on a tenant's behalf: only public unicast.
 * `ipaddr.process` turns an IPv4-mapped IPv6 address (`::ffff:7f00:1`) into the IPv4 address
 * it stands for, so it is judged as 127.0.0.1. Everything ipaddr.js names a special range is
 * refused: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade
 * NAT, multicast, reserved; IPv6 must also lie in 2000::/3, which leaves out NAT64
 * (64:ff9b::), IPv4-compatible (::127.0.0.1), ::1, fe80::, fc00::; 6to4 and Teredo are named
 * ranges. Anything that is not a plain IP address (a name, junk) is not public.
 */
export function isPublicAddress(address: string): boolean {
  const canonical = canonicalIp(address);
  if (!canonical) return false;
  const ip = ipaddr.process(canonical);
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  return ip.match(GLOBAL_UNICAST) && ip.range() === 'unicast';
}

/** Whether `host` (a URL's hostname or a resolver's answer) is an IP literal, not a name. */
export function isIpLiteral(host: string): boolean {
  return canonicalIp(host) !== null;
}

/**
 * The address in the form ipaddr.js reads correctly, or null when it is no IP address.
 * IPv6 goes through the WHATWG URL parser first: ipaddr.js reads `::8.8.8.8` (IPv4-compatible)
 * as if it were `::ffff:8.8.8.8` (IPv4-mapped), while the URL parser keeps it `::808:808`.
 * IPv4 must be four decimal parts: resolvers answer that way and URL hosts are normalised to it.
 */
function canonicalIp(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return bare;
  if (!ipaddr.IPv6.isValid(bare) || bare.includes('%')) return null;
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}
