import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

describe('site header', () => {
  const html = renderToString(<SiteHeader />);

  it('sends "Start for free" to the dashboard sign-in, then onboarding on the Free plan', () => {
    expect(html).toContain(
      'href="http://localhost:3001/sign-in?next=%2Fonboarding%3Fplan%3Dfree">Start for free</a>',
    );
    expect(html).toContain('href="http://localhost:3001/sign-in">Sign in</a>');
  });

  it('links the docs from the main navigation', () => {
    expect(html).toContain('<nav aria-label="Main">');
    expect(html).toContain('href="/docs/embedding">Docs</a>');
  });
});

describe('site footer', () => {
  const html = renderToString(<SiteFooter />);

  it('links the legal pages and the embedding guide', () => {
    expect(html).toContain('href="/legal/terms">Terms of service</a>');
    expect(html).toContain('href="/legal/privacy">Privacy policy</a>');
    expect(html).toContain('href="/docs/embedding">Embedding guide</a>');
  });
});
