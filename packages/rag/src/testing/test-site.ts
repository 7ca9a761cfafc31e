import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of the test site: a page (HTML), or anything with its own status and headers. */
export interface SitePage {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

const page = (title: string, body: string) => ({
  body: `<!doctype html><html><head><title>${title} | Nordic Kettles</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/help/">Help</a></nav>
<main><article><h1>${title}</h1>${body}</article></main>
<footer>Nordic Kettles AS, Storgata 1, Oslo. <a href="mailto:hello@example.com">Mail us</a></footer>
</body></html>`,
});

/**
 * A small shop's website: nested help pages, a sitemap (with a page nothing links to), a
 * robots.txt that disallows /private/, a link to a page that 404s, a redirect loop, a page
 * larger than the crawl's limit, a PDF, a noindex page and a link to another site.
 */
export function shopSite(): Map<string, SitePage> {
  return new Map<string, SitePage>([
    [
      '/robots.txt',
      {
        headers: { 'content-type': 'text/plain' },
        body: 'User-agent: *\nDisallow: /private/\n\nSitemap: {origin}/sitemap.xml\n',
      },
    ],
    [
      '/sitemap.xml',
      {
        headers: { 'content-type': 'application/xml' },
        body: `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{origin}/</loc></url><url><loc>{origin}/warranty</loc></url><url><loc>{origin}/private/prices</loc></url>
</urlset>`,
      },
    ],
    [
      '/',
      page(
        'Welcome',
        `<p>Nordic Kettles sells hand-made steel kettles for wood stoves and induction hobs. Every kettle is made in our workshop in Oslo.</p>
<p>Read <a href="/help/">our help pages</a>, learn <a href="/about">about us</a>, see the <a href="/private/prices">dealer prices</a>,
the <a href="/old-catalogue">old catalogue</a>, our <a href="/loop-a">spring campaign</a>, the <a href="/everything">full archive</a>,
the <a href="/files/price-list.pdf">price list</a>, <a href="/staff-only">staff notes</a> and <a href="https://example.org/partner">a partner</a>.</p>`,
      ),
    ],
    [
      '/about',
      page(
        'About us',
        `<p>Nordic Kettles was founded in 1998 by two blacksmiths. We still forge the handles by hand and test every kettle on a wood stove before it leaves the workshop.</p>`,
      ),
    ],
    [
      '/help/',
      page(
        'Help centre',
        `<p>Answers about <a href="/help/shipping">shipping</a> and <a href="/help/returns">returns</a>.</p>`,
      ),
    ],
    [
      '/help/shipping',
      page(
        'Shipping',
        `<p>We ship to Norway, Sweden and Denmark. Delivery takes three to five working days, and shipping is free for orders above 800 kroner.</p>`,
      ),
    ],
    [
      '/help/returns',
      page(
        'Returns',
        `<p>You can return an unused kettle within 30 days of delivery for a full refund. Print the return label from your order confirmation and drop the parcel at any post office.</p>`,
      ),
    ],
    [
      '/warranty',
      page(
        'Warranty',
        `<p>Every kettle has a ten year warranty against rust and leaks. Send a photo of the damage to our workshop and we repair or replace the kettle.</p>`,
      ),
    ],
    [
      '/private/prices',
      page(
        'Dealer prices',
        '<p>Dealer discount code SECRET-DEALER-42 gives forty percent off.</p>',
      ),
    ],
    ['/old-catalogue', { status: 404, body: 'Not found' }],
    ['/loop-a', { status: 302, headers: { location: '/loop-b' }, body: '' }],
    ['/loop-b', { status: 302, headers: { location: '/loop-a' }, body: '' }],
    [
      '/everything',
      page('Archive', `<p>${'Kettle archive entry with plenty of words. '.repeat(12_000)}</p>`),
    ],
    [
      '/files/price-list.pdf',
      { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4 not really' },
    ],
    [
      '/staff-only',
      {
        body: `<html><head><meta name="robots" content="noindex"><title>Staff</title></head><body><p>Staff notes: the alarm code is 1234 and must never be shared.</p></body></html>`,
      },
    ],
  ]);
}

export interface TestSite {
  origin: string;
  pages: Map<string, SitePage>;
  /** Every request: path and the conditional headers it carried. */
  requests: { path: string; headers: IncomingHttpHeaders; status: number }[];
  close(): Promise<void>;
}

/**
 * Serves `pages` on 127.0.0.1 with ETag validators (a matching If-None-Match gets 304), so
 * tests can edit or remove pages between crawls and see what each crawl asked for.
 */
export async function startTestSite(pages: Map<string, SitePage> = shopSite()): Promise<TestSite> {
  const requests: TestSite['requests'] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    const found = pages.get(path);
    const body = (found?.body ?? 'Not found').replaceAll('{origin}', origin);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    let status = found ? (found.status ?? 200) : 404;
    if (status === 200 && req.headers['if-none-match'] === etag) status = 304;
    requests.push({ path, headers: req.headers, status });
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', etag, ...found?.headers });
    res.end(status === 304 ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pages,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
