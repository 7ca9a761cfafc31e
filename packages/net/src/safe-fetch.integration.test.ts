import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolve } from './public-lookup';
import { RefusedAddressError } from './refused-address-error';
import { ResponseTooLargeError, safeFetch } from './safe-fetch';

/** A real receiver on 127.0.0.1 that counts what reaches it; `/redirect`, `/big`, `/hang` misbehave. */
let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/redirect')
      return res.writeHead(302, { location: `http://127.0.0.1:${port}/after-redirect` }).end();
    if (req.url === '/big') return res.end('x'.repeat(5_000));
    if (req.url === '/big-chunked') {
      res.write('x'.repeat(3_000));
      return res.end('x'.repeat(3_000));
    }
    if (req.url === '/hang') return; // never answers
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const answers =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('safeFetch against a real server on 127.0.0.1', () => {
  it('reaches it when private addresses are allowed (the control for the refusals below)', async () => {
    const response = await safeFetch(
      `http://127.0.0.1:${port}/control`,
      {},
      {
        allowPrivateAddresses: true,
      },
    );
    expect(response.status).toBe(200);
    expect(Buffer.from(response.body).toString()).toBe('ok');
    expect(hits).toContain('/control');
  });

  it('refuses at connect time a public-looking name that resolves to 127.0.0.1', async () => {
    const attempt = safeFetch(
      `http://hooks.public-looking.example:${port}/rebound`,
      {
        method: 'POST',
        body: 'secret ticket',
      },
      { resolve: answers('127.0.0.1') },
    );
    await expect(attempt).rejects.toBeInstanceOf(RefusedAddressError);
    await expect(attempt).rejects.toThrow(
      'hooks.public-looking.example points to 127.0.0.1, which is not a public internet address.',
    );
    expect(hits).not.toContain('/rebound');
  });

  it('refuses a name with one private answer among public ones, and an IPv4-mapped answer', async () => {
    for (const resolve of [answers('93.184.216.34', '127.0.0.1'), answers('::ffff:7f00:1')])
      await expect(
        safeFetch(`http://mixed.example:${port}/mixed`, {}, { resolve }),
      ).rejects.toBeInstanceOf(RefusedAddressError);
    expect(hits).not.toContain('/mixed');
  });

  it('refuses literal loopback addresses in every spelling, without a lookup', async () => {
    for (const host of [
      '127.0.0.1',
      '[::ffff:7f00:1]',
      '[::ffff:127.0.0.1]',
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
    ])
      await expect(
        safeFetch(`http://${host}:${port}/literal`, {}, { resolve: answers('93.184.216.34') }),
        host,
      ).rejects.toBeInstanceOf(RefusedAddressError);
    expect(hits).not.toContain('/literal');
  });

  it('follows no redirect: the 3xx comes back and its target is not called', async () => {
    const response = await safeFetch(
      `http://127.0.0.1:${port}/redirect`,
      {},
      {
        allowPrivateAddresses: true,
      },
    );
    expect(response.status).toBe(302);
    expect(response.ok).toBe(false);
    expect(hits).not.toContain('/after-redirect');
  });

  it('cuts off an answer larger than the cap, with or without a length header', async () => {
    for (const path of ['/big', '/big-chunked'])
      await expect(
        safeFetch(
          `http://127.0.0.1:${port}${path}`,
          {},
          {
            allowPrivateAddresses: true,
            maxResponseBytes: 1_000,
          },
        ),
      ).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('gives up on a receiver that never answers', async () => {
    await expect(
      safeFetch(
        `http://127.0.0.1:${port}/hang`,
        {},
        { allowPrivateAddresses: true, timeoutMs: 300 },
      ),
    ).rejects.toThrow();
  });

  it('calls only http and https', async () => {
    await expect(safeFetch('data:text/plain,hi')).rejects.toThrow(/Only http and https/);
  });
});
