// A stand-in API origin for comparing builds of the loader in one bench run: it serves one
// build at /widget.js with the API's headers and compression, and passes every other request
// (the config) through to the real API. The loader takes its API origin from its own src, so
// a page that loads it from here talks to the API through here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants } from 'node:zlib';

export interface LoaderProxy {
  origin: string;
  /** The loader's URL here. */
  scriptUrl: string;
  server: Server;
}

export async function startLoaderProxy(apiOrigin: string, file: string): Promise<LoaderProxy> {
  const code = readFileSync(file);
  const brotli = brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  });
  const etag = `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`;
  const api = new URL(apiOrigin);
  const server = createServer((req, res) => {
    if (req.url === '/widget.js') {
      // As the API serves it (apps/api/src/routes/widget-script.ts).
      const headers: Record<string, string | number> = {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=300, stale-while-revalidate=86400',
        etag,
        vary: 'Accept-Encoding',
        'cross-origin-resource-policy': 'cross-origin',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const br = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = br ? brotli : code;
      if (br) headers['content-encoding'] = 'br';
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      return void res.end(body);
    }
    const upstream = request(
      {
        host: api.hostname,
        port: api.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: api.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, scriptUrl: `${origin}/widget.js`, server };
}
