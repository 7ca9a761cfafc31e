import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './public-address';
import { RefusedAddressError } from './refused-address-error';

/** Answers a name with every address it has; tests inject one answering what they need. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * A `lookup` for `net.connect`/`tls.connect` that resolves the name and fails unless every
 * address is public. The socket then connects to exactly the address checked here, so a name
 * that answers a public address to a check and 127.0.0.1 to the connection (DNS rebinding)
 * has no window. One private answer refuses the name, not just that address: such a name is
 * pointing into a network on purpose.
 */
export function publicOnlyLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !isPublicAddress(a.address));
        if (refused || addresses.length === 0)
          return callback(new RefusedAddressError(hostname, refused?.address), '', 0);
        const family = familyOf(options.family);
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (options.all) return callback(null, usable);
        const first = usable[0];
        if (!first) return callback(new RefusedAddressError(hostname), '', 0);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

function familyOf(family: number | string | undefined): 4 | 6 | null {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return null;
}
