import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '@replyline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBody } from './contract/responses';
import { HttpError, sendJson } from './http';
import { createLogger } from './logger';
import { documentedRoute, validBody, type AppContext, type Route } from './router';
import { createApiServer } from './server';

const logLines: Record<string, unknown>[] = [];
const logger = createLogger(
  'info',
  new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  }),
);

const EchoSchema = z.object({ n: z.number().int() });
const calls: string[] = [];

/** Routes that fail in each way the error handler knows; no database needed. */
const routes: Route[] = [
  documentedRoute(
    createRoute({
      method: 'post',
      path: '/v1/echo/{id}',
      request: { params: z.object({ id: z.string() }), body: jsonBody(EchoSchema) },
      responses: { 200: { description: 'The number' } },
    }),
    {
      maxBodyBytes: 1024,
      before: async (ctx) => {
        calls.push('before');
        if (ctx.req.headers.authorization !== 'ok')
          throw new HttpError(401, 'Who are you?', 'unauthenticated');
      },
      handle: async (ctx) => {
        const { n } = validBody(ctx, EchoSchema);
        sendJson(ctx.res, 200, { n, id: ctx.params.id });
      },
    },
  ),
  {
    method: 'GET',
    path: '/v1/domain-refusal',
    handle: async () => {
      throw new DomainError('rate_limited', 'Slow down a little.');
    },
  },
  {
    method: 'GET',
    path: '/v1/bug',
    handle: async () => {
      throw new Error('a secret detail');
    },
  },
];

let base: string;
let close: () => Promise<void>;
beforeAll(async () => {
  const server = createApiServer({ logger } as AppContext, routes);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

const echo = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/v1/echo/a%20b`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'ok', ...headers },
    body,
  });

async function refusal(res: Response) {
  const body = (await res.json()) as ErrorBody;
  expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  return { status: res.status, code: body.error.code, message: body.error.message };
}

describe('the route schemas', () => {
  it('hand the handler the validated body and the decoded params', async () => {
    const res = await echo('{"n":7}');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ n: 7, id: 'a b' });
  });

  it('refuse a body that is not JSON, does not parse, does not fit or is too large', async () => {
    expect(await refusal(await echo('{"n":7}', { 'content-type': 'text/plain' }))).toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
    });
    expect(await refusal(await echo('{"n":'))).toEqual({
      status: 400,
      code: 'invalid_json',
      message: 'The request body is not valid JSON.',
    });
    expect(await refusal(await echo('{"n":"seven"}'))).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: expect.stringMatching(/^Invalid request\. n: .+\.$/),
    });
    expect(await refusal(await echo(JSON.stringify({ n: 1, pad: 'x'.repeat(1024) })))).toEqual({
      status: 413,
      code: 'payload_too_large',
      message: 'The request body is larger than 1 KB.',
    });
  });

  it('run the route’s caller checks before the body is read', async () => {
    calls.length = 0;
    const res = await echo('not json', { authorization: 'nobody' });
    expect(await refusal(res)).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(calls).toEqual(['before']);
  });
});

describe('errors', () => {
  it('answer a domain refusal with its HTTP status and code', async () => {
    const res = await fetch(`${base}/v1/domain-refusal`);
    expect(await refusal(res)).toEqual({
      status: 429,
      code: 'rate_limited',
      message: 'Slow down a little.',
    });
  });

  it('hide an unexpected error behind a 500 with the request id, and log it', async () => {
    const res = await fetch(`${base}/v1/bug`, { headers: { 'x-request-id': 'bug-trace-123' } });
    const answer = await refusal(res);
    expect(answer).toMatchObject({ status: 500, code: 'internal' });
    expect(answer.message).not.toContain('secret');
    expect(logLines).toContainEqual(
      expect.objectContaining({ reqId: 'bug-trace-123', msg: 'unhandled error' }),
    );
  });
});
