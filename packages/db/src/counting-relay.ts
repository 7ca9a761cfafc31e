import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface CountingRelay {
  /** The server's URL with this relay's address in it. */
  url: string;
  /** Reads of what clients sent since the last call (then counting starts again). */
  take(): number;
  /** Cuts every relayed connection, as a network failure would. */
  dropConnections(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a Postgres server that counts what its clients send. A client that
 * waits for an answer before it writes again arrives here as one read per write, so the count
 * is the round trips the clients started (writes sent back to back without waiting may arrive
 * as one read). For tests and benches of the database path, never in production.
 */
export async function startCountingRelay(serverUrl: string): Promise<CountingRelay> {
  const target = new URL(serverUrl);
  let reads = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk) => {
      reads += 1;
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(serverUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as AddressInfo).port);
  return {
    url: relayed.toString(),
    take: () => {
      const counted = reads;
      reads = 0;
      return counted;
    },
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
