import postgres from 'postgres';

/** Whether a LISTEN connection is subscribed right now, and how often it came back. */
export interface ListenStatus {
  listening: boolean;
  /** Times the subscription was re-established after the connection was lost. */
  reconnects: number;
  /** When `listening` last changed. */
  since: Date;
}

export interface ListenConnection {
  status(): ListenStatus;
  close(): Promise<void>;
}

/** Waits between attempts to subscribe again: quick at first (a restart takes a second or two), then every 2 s. */
const RETRY_DELAYS_MS = [100, 250, 500, 1_000, 2_000];

/**
 * One LISTEN subscription on one server that survives losing its connection (a database
 * restart, a failover, a cut network). postgres.js's own `listen` subscribes again once when
 * its connection closes and gives up for good if the server is still down at that moment,
 * which is exactly when it closes; this tries again until it is back, and reports its state for
 * the health route. Notifications sent while no connection listened are not delivered
 * (LISTEN/NOTIFY keeps nothing), so callers must not treat a signal as the only copy of data.
 * The first subscription must succeed: a wrong address fails at start-up, not in the background.
 */
export async function openListenConnection(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<ListenConnection> {
  const status: ListenStatus = { listening: false, reconnects: 0, since: new Date() };
  let attempt = 0;
  let failures = 0;
  let closed = false;
  let subscribedOnce = false;
  // Read through a function: TypeScript cannot see the callbacks that change it.
  let client = null as postgres.Sql | null;
  let retry: NodeJS.Timeout | undefined;

  const setListening = (listening: boolean) => {
    if (status.listening === listening) return;
    status.listening = listening;
    status.since = new Date();
  };

  // Each attempt has a number; a close reported by an older attempt's client is stale.
  const lost = (from: number) => {
    if (closed || from !== attempt) return;
    attempt++;
    setListening(false);
    void client?.end({ timeout: 0 }).catch(() => undefined);
    client = null;
    const delay = RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)];
    retry = setTimeout(() => void subscribe().catch(() => undefined), delay);
  };

  const subscribe = async () => {
    const current = ++attempt;
    // `onnotify` is the hook postgres.js's own `listen` uses; its types leave it out.
    const options = {
      max: 1,
      // Never idle-closed (the default) nor recycled: every reconnect is a window without signals.
      max_lifetime: null,
      fetch_types: false,
      connect_timeout: 5,
      onnotice: () => {},
      onnotify: (from: string, payload: string) => from === channel && onPayload(payload),
      onclose: () => lost(current),
    };
    const sql = postgres(url, options);
    client = sql;
    try {
      await sql.unsafe(`listen "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      lost(current);
      throw error;
    }
    if (current !== attempt) return;
    if (subscribedOnce) status.reconnects++;
    subscribedOnce = true;
    failures = 0;
    setListening(true);
  };

  try {
    await subscribe();
  } catch (error) {
    closed = true;
    clearTimeout(retry);
    await client?.end({ timeout: 0 }).catch(() => undefined);
    throw error;
  }
  return {
    status: () => ({ ...status }),
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end({ timeout: 2 });
    },
  };
}
