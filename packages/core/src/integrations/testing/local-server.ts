import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** http://127.0.0.1:<port> (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
) => unknown;

/** An HTTP server on a free loopback port, for a vendor's wire format in tests. */
export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      Promise.resolve(handler(req, res, Buffer.concat(chunks).toString('utf8'))).catch((error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(text);
}

/** Test knobs every vendor server has: answer late, or answer with far too much. */
export interface Misbehaviour {
  delayMs?: number;
  /** Bytes of padding added to every JSON answer. */
  padBytes?: number;
}

export async function misbehave(knobs: Misbehaviour): Promise<void> {
  if (knobs.delayMs) await new Promise((resolve) => setTimeout(resolve, knobs.delayMs));
}

export function padded(body: unknown, knobs: Misbehaviour): unknown {
  if (!knobs.padBytes || typeof body !== 'object' || body === null) return body;
  return Array.isArray(body)
    ? [...body, { padding: 'x'.repeat(knobs.padBytes) }]
    : { ...body, padding: 'x'.repeat(knobs.padBytes) };
}
