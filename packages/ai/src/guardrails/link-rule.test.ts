import { describe, expect, it } from 'vitest';
import { linkDestination, linkHref } from './link-rule';
import { UNSAFE_LINK_TARGETS } from './link-rule.cases';

describe('linkHref', () => {
  it('accepts canonical absolute http(s) URLs and returns the parsed href', () => {
    expect(linkHref('https://good.example/terms?a=1&b=2')).toBe(
      'https://good.example/terms?a=1&b=2',
    );
    expect(linkHref('http://good.example')).toBe('http://good.example/');
    expect(linkHref('https://en.wikipedia.org/wiki/Piano_(instrument)')).toBe(
      'https://en.wikipedia.org/wiki/Piano_(instrument)',
    );
    expect(linkHref('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
  });

  it('refuses every sloppy, disguised or foreign spelling', () => {
    for (const raw of [
      ...UNSAFE_LINK_TARGETS,
      'https://good.example/\u200b',
      'https://good.example/\ufeff',
      'https://good.example/\u0000',
      'https://evil.example**.good.example/',
      'https://evil_example.good.example/',
      '/relative/path',
      'mailto:a@good.example',
      'https://',
    ])
      expect(linkHref(raw), JSON.stringify(raw)).toBeNull();
  });
});

describe('linkDestination', () => {
  it('drops a quoted title and keeps anything else whole, for linkHref to judge', () => {
    expect(linkDestination('https://good.example/ "Our terms"')).toBe('https://good.example/');
    expect(linkDestination('http:evil.example/steal?c=SECRET ')).toBe(
      'http:evil.example/steal?c=SECRET ',
    );
  });
});
