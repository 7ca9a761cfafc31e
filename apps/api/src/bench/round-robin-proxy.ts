// A plain TCP proxy for `pnpm bench`: each connection it accepts goes to the next API process in
// turn (the ports are the arguments), as a load balancer in front of several processes would.
// It runs in its own process and prints one JSON line with its address, then serves until killed.
import { connect, createServer, type Socket } from 'node:net';

const ports = process.argv.slice(2).map(Number);
if (ports.length === 0 || ports.some((port) => !Number.isInteger(port)))
  throw new Error('Usage: round-robin-proxy.ts <port> [<port> ...]');

let next = 0;
const proxy = createServer((client) => {
  const upstream = connect({ host: '127.0.0.1', port: ports[next++ % ports.length]! });
  const closeBoth = () => {
    client.destroy();
    upstream.destroy();
  };
  pipe(client, upstream, closeBoth);
  pipe(upstream, client, closeBoth);
});

/** Both directions end together: a reset on one side closes the other. */
function pipe(from: Socket, to: Socket, closeBoth: () => void) {
  from.pipe(to);
  from.on('error', closeBoth);
  from.on('close', closeBoth);
}

proxy.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('The proxy has no TCP address.');
  console.log(JSON.stringify({ base: `http://127.0.0.1:${address.port}` }));
});
process.on('SIGTERM', () => process.exit(0));
