import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import EmbeddingGuidePage from './page';

// renderToString escapes quotes; compare against the text a reader sees.
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&amp;', '&');

describe('embedding guide', () => {
  const html = renderToString(<EmbeddingGuidePage />);
  const page = text(html);

  it('shows the one script tag, pointing at the API (local in development)', () => {
    expect(page).toContain(
      '<script src="http://localhost:4000/widget.js" data-key="pk_..." async></script>',
    );
  });

  it('documents the open, close and identify commands and the queueing stub', () => {
    expect(page).toContain("Replyline('open')");
    expect(page).toContain("Replyline('close')");
    expect(page).toContain("Replyline('identify', {");
    expect(page).toContain('(Replyline.q = Replyline.q || []).push(arguments)');
    for (const field of [
      'userId',
      'email',
      'name',
      'signature',
      'plan',
      'cart',
      'orderIds',
      'page',
    ])
      expect(page).toContain(`${field}:`);
  });

  it('explains the signature and shows it computed in Node and in Python', () => {
    expect(page).toContain('HMAC-SHA256');
    expect(page).toMatch(/lower-cased email/);
    expect(page).toContain("createHmac('sha256', secret).update(message).digest('hex')");
    expect(page).toContain(
      'hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()',
    );
  });

  it('points to the OpenAPI description of the public API', () => {
    expect(html).toContain('href="http://localhost:4000/v1/openapi.json"');
  });

  it('tells host sites which CSP directives need the API origin', () => {
    expect(page).toContain("script-src 'self' http://localhost:4000;");
    expect(page).toContain("connect-src 'self' http://localhost:4000;");
    expect(page).toContain('frame-src http://localhost:4000;');
  });

  it('covers allowed websites and the notice shown on a website that is not allowed', () => {
    expect(page).toContain('Widget settings › Allowed websites');
    expect(page).toContain('Chat is not available on this website.');
  });

  it('links every table-of-contents entry to a section with one heading order', () => {
    const anchors = [...html.matchAll(/<a href="#([^"]+)">/g)].map((match) => match[1]);
    expect(anchors.length).toBeGreaterThanOrEqual(7);
    for (const id of anchors) expect(html).toContain(`<section id="${id}"`);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });
});
