import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RefusedAddressError } from '@replyline/net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssoProviderFetch } from './sso-provider-fetch';

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () =>
      response
        .writeHead(200, { 'content-type': 'application/json', 'x-seen-method': request.method! })
        .end(JSON.stringify({ body, authorization: request.headers.authorization ?? null })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the identity-provider fetch used at sign-in', () => {
  it('passes method, headers and body through and answers a standard Response', async () => {
    const fetchImpl = ssoProviderFetch({ allowPrivateAddresses: true });
    const response = await fetchImpl(`${origin}/token`, {
      method: 'POST',
      headers: { authorization: 'Basic abc', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'c' }),
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get('x-seen-method')).toBe('POST');
    expect(await response.json()).toEqual({
      body: 'grant_type=authorization_code&code=c',
      authorization: 'Basic abc',
    });
  });

  it('refuses to connect to a private address in production settings', async () => {
    const fetchImpl = ssoProviderFetch({ allowPrivateAddresses: false });
    await expect(fetchImpl(`${origin}/.well-known/openid-configuration`)).rejects.toBeInstanceOf(
      RefusedAddressError,
    );
  });
});
