import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page';
import { citationLink } from './text-fragment';
import { globMatches, isWanted, normalizeUrl } from './url-rules';

describe('crawl addresses', () => {
  it('keys pages without fragments, default ports or credentials, and drops other schemes', () => {
    expect(normalizeUrl('/help/#top', 'https://shop.example:443/a')).toBe(
      'https://shop.example/help/',
    );
    expect(normalizeUrl('https://user:pw@shop.example/x')).toBe('https://shop.example/x');
    for (const raw of [
      'mailto:hello@shop.example',
      'javascript:alert(1)',
      'ftp://shop.example/f',
      'http://',
    ])
      expect(normalizeUrl(raw, 'https://shop.example/')).toBeNull();
  });

  it('keeps to the site and applies include and exclude globs to path and query', () => {
    const rules = {
      origin: 'https://shop.example',
      include: ['/help/*', '/faq'],
      exclude: ['*?print=*'],
    };
    expect(isWanted('https://shop.example/help/returns', rules)).toBe(true);
    expect(isWanted('https://shop.example/faq', rules)).toBe(true);
    expect(isWanted('https://shop.example/faq/old', rules)).toBe(false);
    expect(isWanted('https://shop.example/help/returns?print=1', rules)).toBe(false);
    expect(isWanted('https://other.example/help/returns', rules)).toBe(false);
    expect(globMatches('*.pdf', 'https://shop.example/files/list.pdf')).toBe(true);
    expect(globMatches('/a.b', 'https://shop.example/axb')).toBe(false);
  });
});

describe('citation links', () => {
  it('point at the quoted sentence with a text fragment, long ones by their first and last words', () => {
    expect(
      citationLink('https://shop.example/help#old', 'Gift cards never expire. Ask us anything.'),
    ).toBe('https://shop.example/help#:~:text=Gift%20cards%20never%20expire.');
    expect(
      citationLink(
        'https://shop.example/returns',
        'You can return an unused kettle within 30 days of delivery for a full refund.',
      ),
    ).toBe('https://shop.example/returns#:~:text=You%20can%20return%20an,for%20a%20full%20refund.');
    expect(citationLink('https://shop.example/a', 'Self-service, 24-hour kiosks.')).toBe(
      'https://shop.example/a#:~:text=Self%2Dservice%2C%2024%2Dhour%20kiosks.',
    );
  });
});

describe('page extraction', () => {
  it('keeps the main content, title and links, and reads robots meta tags', () => {
    const page = extractPage(
      `<html><head><title>Returns | Shop</title><meta name="robots" content="NOINDEX, nofollow"></head>
       <body><nav>Menu</nav><article><h1>Returns</h1><p>${'Return any unused item within thirty days. '.repeat(5)}</p>
       <a href="/help/#x">Help</a> <a href="mailto:a@b.c">Mail</a> <a rel="nofollow" href="/cart">Cart</a></article>
       <script>var secret = 1;</script></body></html>`,
      'https://shop.example/returns',
    );
    expect(page.title).toBe('Returns | Shop');
    expect(page.text).toContain('Return any unused item within thirty days.');
    expect(page.text).not.toMatch(/Menu|secret/);
    expect(page.links).toEqual(['https://shop.example/help/']);
    expect(page).toMatchObject({ noindex: true, nofollow: true });
  });
});
