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
    expect(page).toContain("Replyline('identify', { token: identityToken });");
    expect(page).toContain("Replyline('identify', null);");
    expect(page).toContain('(Replyline.q = Replyline.q || []).push(arguments)');
  });

  it('tells WordPress sites to install the plugin, and what the greetings by customer type are', () => {
    expect(page).toContain('Plugins › Add New › Upload Plugin');
    expect(page).toContain('Settings › Replyline Chat');
    expect(page).toMatch(/new \(no orders yet\), returning and VIP/);
  });

  it('explains the identity token: HS256, the secret, every claim and the 24-hour limit', () => {
    expect(page).toContain('{"alg":"HS256","typ":"JWT"}');
    expect(page).toContain('Widget settings › Identity verification');
    for (const claim of ['sub', 'email', 'name', 'context', 'iat', 'exp'])
      expect(page).toContain(`"${claim}":`);
    for (const field of ['context.plan', 'context.orderIds', 'context.cart', 'context.page'])
      expect(page).toContain(field);
    expect(page).toMatch(/at most 24 hours after iat/);
    expect(page).toContain('4096 characters');
  });

  it('shows the token minted in Node (node:crypto) and Python (standard library)', () => {
    expect(page).toContain("import { createHmac } from 'node:crypto';");
    expect(page).toContain("createHmac('sha256', secret).update(body).digest('base64url')");
    expect(page).toContain('import base64, hashlib, hmac, json, os, time');
    expect(page).toContain('hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()');
    expect(page).not.toMatch(/import jwt|from 'jose'|hexdigest/);
    expect(page).toContain("Replyline('identify', { token: '{{ replyline_token }}' });");
  });

  it('keeps the older signature as a note: user id or email only, name and context ignored', () => {
    const older = page.slice(page.indexOf('The older signature'));
    expect(older).toContain('{ userId, signature }');
    expect(older).toMatch(/for the user id or email only/);
    expect(older).toMatch(/name or context sent\s+beside it is not signed, so it is ignored/);
  });

  it('names every refusal code in the troubleshooting part', () => {
    const troubleshooting = page.slice(page.lastIndexOf('Troubleshooting'));
    for (const code of [
      'identity_expired',
      'identity_lifetime_too_long',
      'invalid_identity',
      'identity_required',
    ])
      expect(troubleshooting).toContain(code);
    expect(page).not.toContain('The identity signature does not match');
  });

  it('points to the OpenAPI description of the public API', () => {
    expect(html).toContain('href="http://localhost:4000/v1/openapi.json"');
  });

  it('tells host sites which CSP directives need the API origin', () => {
    expect(page).toContain("script-src 'self' http://localhost:4000;");
    expect(page).toContain("connect-src 'self' http://localhost:4000;");
    expect(page).toContain('frame-src http://localhost:4000;');
  });

  it('covers allowed websites and what happens on a website that is not allowed', () => {
    expect(page).toContain('Widget settings › Allowed websites');
    expect(page).toContain('there the widget shows no button at all');
  });

  it('links every table-of-contents entry to a section with one heading order', () => {
    const anchors = [...html.matchAll(/<a href="#([^"]+)">/g)].map((match) => match[1]);
    expect(anchors.length).toBeGreaterThanOrEqual(7);
    for (const id of anchors) expect(html).toContain(`<section id="${id}"`);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });
});
