import type { PGlite } from '@electric-sql/pglite';
import { frameReader } from './notification-relay';

const SYNC = 0x53; // 'S'
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush

/** A connection that went quiet mid-exchange (it crashed) stops holding the others after this. */
const STALL_MS = 5_000;

/**
 * Keeps one connection's extended-protocol exchange (Parse … Sync) together on the embedded
 * database server. PGlite is a single Postgres session shared by every socket connection, and
 * the server keeps a connection's messages together only inside a transaction; postgres-js
 * sends a query in two round trips (Parse/Describe/Flush, then Bind/Execute/Sync), so another
 * connection's query could land in between and take over the unnamed statement ("bind message
 * supplies 3 parameters, but prepared statement requires 19", "portal does not exist"). While
 * an exchange is open this reports "in transaction", which makes the server serve the same
 * connection next.
 */
export function withExclusiveExtendedQueries(client: PGlite): PGlite {
  let open = false;
  let lastMessageAt = 0;

  const track = (message: Uint8Array) => {
    for (const frame of frameReader()(message)) {
      if (frame[0] === SYNC) open = false;
      else if (EXTENDED.has(frame[0]!)) open = true;
    }
    lastMessageAt = Date.now();
  };

  return new Proxy(client, {
    get(target, property) {
      if (property === 'isInTransaction')
        return () => (open && Date.now() - lastMessageAt < STALL_MS) || target.isInTransaction();
      if (property === 'execProtocolRawStream')
        return (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          track(message);
          return target.execProtocolRawStream(message, options);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
