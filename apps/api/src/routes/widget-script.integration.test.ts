import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/test-api';
import { chooseEncoding, matchesEtag } from './widget-bundles';

// The widget is fetched by every visitor of every customer site: it must travel compressed,
// revalidate without a download, and the frame app must be cacheable for good.
let t: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await t?.close();
});

/** The raw response (fetch would decompress on its own, hiding what travels). */
function fetchScript(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ res: { status: number; headers: Headers }; bytes: Buffer }>(
    (resolve, reject) => {
      get(`${api.base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode === 503) reject(new Error('Build the widget first (pnpm build).'));
          const flat = Object.entries(res.headers).map(([k, v]) => [k, String(v)]);
          resolve({
            res: { status: res.statusCode ?? 0, headers: new Headers(flat as [string, string][]) },
            bytes: Buffer.concat(chunks),
          });
        });
      }).on('error', reject);
    },
  );
}

describe('widget delivery', () => {
  it('sends the loader brotli- or gzip-compressed as the browser allows, same bytes inside', async () => {
    const plain = await fetchScript('/widget.js', { 'accept-encoding': 'identity' });
    const br = await fetchScript('/widget.js', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await fetchScript('/widget.js', { 'accept-encoding': 'gzip' });

    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(br.res.headers.get('content-encoding')).toBe('br');
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
    expect(brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true);
    expect(gunzipSync(gz.bytes).equals(plain.bytes)).toBe(true);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(br.res.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.res.headers.get('cache-control')).toMatch(/max-age=300/);
  });

  it('answers a revalidation with 304 and no body when the strong ETag still matches', async () => {
    const first = await fetchScript('/widget.js');
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await fetchScript('/widget.js', { 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    const changed = await fetchScript('/widget.js', { 'if-none-match': '"something-else"' });
    expect(changed.res.status).toBe(200);
  });

  it('serves the frame app at a versioned URL cached for a year, the URL the frame page names', async () => {
    const plain = await fetchScript('/widget/frame.js');
    const version = plain.res.headers.get('etag')!.slice(1, 13);
    const versioned = await fetchScript(`/widget/v/${version}/frame.js`);
    expect(versioned.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(versioned.bytes.equals(plain.bytes)).toBe(true);

    // A page loaded before a deploy asks for an old version: it gets today's file, not for long.
    const stale = await fetchScript('/widget/v/oldoldoldold/frame.js');
    expect(stale.res.status).toBe(200);
    expect(stale.res.headers.get('cache-control')).toMatch(/max-age=300/);
  });
});

describe('content negotiation', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('deflate')).toBe('identity');
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
    expect(matchesEtag('W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"b"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});
