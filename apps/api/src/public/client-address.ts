import { isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The address limits count a client by. Behind `trustedProxyHops` proxies it is the entry
 * they appended to X-Forwarded-For (entries further left are the client's own claims and are
 * ignored). IPv6 clients are counted per /64: one subscriber usually holds a whole /64 and
 * could otherwise rotate addresses at will.
 */
export function clientAddress(req: IncomingMessage, trustedProxyHops: number): string {
  let address = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxyHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    address = forwarded[forwarded.length - trustedProxyHops] ?? address;
  }
  return addressKey(address);
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((group) =>
    group.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}
