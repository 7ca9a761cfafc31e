import type { PGlite } from '@electric-sql/pglite';

type RawSink = (data: Uint8Array) => void;
interface RawStreamOptions {
  onRawData: RawSink;
}

const NOTIFICATION_RESPONSE = 0x41; // 'A'
const QUERY = 0x51; // 'Q'
const PARSE = 0x50; // 'P'

/**
 * LISTEN/NOTIFY for the embedded database server. PGlite is one Postgres session shared by
 * every socket connection, and it writes a notification into the response of whichever
 * connection committed the NOTIFY, so a listener on another connection never hears it.
 * This wraps the client given to the socket server: it remembers the connections that ran
 * LISTEN (by the response sink of that query) and copies each notification to them. Real
 * Postgres servers do this themselves; the wrapper is only for `pnpm dev` and tests.
 */
export function withNotificationRelay(client: PGlite): PGlite {
  const listeners = new Map<string, Set<RawSink>>();

  const relay = (notification: Uint8Array, from: RawSink) => {
    for (const sink of listeners.get(channelOf(notification)) ?? []) {
      if (sink !== from) sink(notification);
    }
  };

  const execProtocolRawStream = (message: Uint8Array, options: RawStreamOptions) => {
    const sink = options.onRawData;
    for (const channel of listenedChannels(message)) {
      const set = listeners.get(channel) ?? new Set();
      set.add(sink);
      listeners.set(channel, set);
    }
    const frames = frameReader();
    return client.execProtocolRawStream(message, {
      ...options,
      onRawData: (data: Uint8Array) => {
        sink(data);
        for (const frame of frames(data))
          if (frame[0] === NOTIFICATION_RESPONSE) relay(frame, sink);
      },
    });
  };

  return new Proxy(client, {
    get(target, property) {
      if (property === 'execProtocolRawStream') return execProtocolRawStream;
      const value: unknown = Reflect.get(target, property, target);
      // PGlite keeps private fields: its methods must run with the real client as `this`.
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/**
 * Splits a byte stream into protocol messages (type byte + int32 length), carrying a message
 * cut across chunks over to the next one.
 */
export function frameReader() {
  let carry = new Uint8Array(0);
  return function* frames(chunk: Uint8Array): Generator<Uint8Array> {
    const data = carry.length ? concat(carry, chunk) : chunk;
    let offset = 0;
    while (offset + 5 <= data.length) {
      const length = new DataView(data.buffer, data.byteOffset + offset + 1, 4).getInt32(0);
      const end = offset + 1 + length;
      if (length < 4 || end > data.length) break;
      yield data.subarray(offset, end);
      offset = end;
    }
    carry = data.slice(offset);
  };
}

/** Channels named by LISTEN statements in a client's Query or Parse messages. */
export function listenedChannels(message: Uint8Array): string[] {
  const channels: string[] = [];
  for (const frame of frameReader()(message)) {
    if (frame[0] !== QUERY && frame[0] !== PARSE) continue;
    const text = new TextDecoder('latin1').decode(frame.subarray(5));
    const sql = frame[0] === PARSE ? text.slice(text.indexOf('\0') + 1) : text;
    const match = /^\s*listen\s+"?([A-Za-z_][A-Za-z0-9_$]*)"?/i.exec(sql);
    if (match) channels.push(match[1]!.toLowerCase());
  }
  return channels;
}

/** The channel of a NotificationResponse: int32 length, int32 pid, then the channel name. */
function channelOf(notification: Uint8Array): string {
  const start = 9;
  const end = notification.indexOf(0, start);
  return new TextDecoder().decode(notification.subarray(start, end));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
