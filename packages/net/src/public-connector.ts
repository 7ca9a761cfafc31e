import { buildConnector } from 'undici';
import { isIpLiteral, isPublicAddress } from './public-address';
import { publicOnlyLookup, type Resolve } from './public-lookup';
import { RefusedAddressError } from './refused-address-error';

/**
 * An undici connector that opens sockets to public addresses only. Names are checked in
 * `lookup` (the address checked is the address connected to); an IP literal is never looked
 * up by Node, so it is checked here. Every connection goes through this, redirects included.
 */
export function publicOnlyConnector(options: {
  resolve?: Resolve;
  timeoutMs: number;
}): buildConnector.connector {
  const connect = buildConnector({
    lookup: publicOnlyLookup(options.resolve),
    timeout: options.timeoutMs,
  });
  return (target, callback) => {
    if (isIpLiteral(target.hostname) && !isPublicAddress(target.hostname))
      return callback(new RefusedAddressError(target.hostname), null);
    return connect(target, callback);
  };
}
