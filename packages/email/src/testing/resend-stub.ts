import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown> | null;
}

export interface StubFailure {
  status: number;
  name: string;
  message: string;
}

export interface ResendStub {
  /** Pass as the SDK's `baseUrl` (RESEND_BASE_URL). */
  url: string;
  requests: StubRequest[];
  /** The emails the stub accepted, with the id it answered. */
  accepted: { id: string; body: Record<string, unknown> }[];
  /** Answer the next `times` sends with this error instead of accepting them. */
  failNext(failure: StubFailure, times?: number): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Resend's `POST /emails`, speaking its wire format: Bearer auth, a JSON
 * body (from, to, subject, html, text), `{ id }` on success, `{ statusCode, name, message }` on
 * error, and the same id again for a repeated Idempotency-Key. Listens on 127.0.0.1 only.
 */
export async function startResendStub({ apiKey }: { apiKey: string }): Promise<ResendStub> {
  const requests: StubRequest[] = [];
  const accepted: ResendStub['accepted'] = [];
  const failures: StubFailure[] = [];
  const byIdempotencyKey = new Map<string, string>();

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });

    const answer = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const error = (f: StubFailure) =>
      answer(f.status, { statusCode: f.status, name: f.name, message: f.message });

    if (req.method !== 'POST' || req.url !== '/emails') {
      return error({
        status: 404,
        name: 'not_found',
        message: 'The requested endpoint does not exist.',
      });
    }
    if (!req.headers.authorization) {
      return error({
        status: 401,
        name: 'missing_api_key',
        message: 'Missing API key in the authorization header.',
      });
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return error({ status: 403, name: 'invalid_api_key', message: 'API key is invalid.' });
    }
    const failure = failures.shift();
    if (failure) return error(failure);
    const missing = ['from', 'to', 'subject'].filter((field) => !body?.[field]);
    if (missing.length) {
      return error({
        status: 422,
        name: 'missing_required_field',
        message: `Missing \`${missing[0]}\` field.`,
      });
    }
    const key = req.headers['idempotency-key'];
    const known = typeof key === 'string' ? byIdempotencyKey.get(key) : undefined;
    if (known) return answer(200, { id: known });
    const id = randomUUID();
    if (typeof key === 'string') byIdempotencyKey.set(key, id);
    accepted.push({ id, body: body! });
    return answer(200, { id });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    failNext: (failure, times = 1) => {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
