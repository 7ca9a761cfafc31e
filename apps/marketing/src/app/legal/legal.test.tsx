import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { site } from '~/lib/site';
import PrivacyPage from './privacy/page';
import TermsPage from './terms/page';

describe('privacy policy', () => {
  const html = renderToString(<PrivacyPage />);

  it('names the data processed, the sub-processors and when they are involved', () => {
    expect(html).toContain('>Privacy policy</h1>');
    for (const processor of ['OpenAI', 'Stripe', 'Resend']) expect(html).toContain(processor);
    expect(html).toMatch(/only when it is\s+configured/);
    expect(html).toContain('Conversations:');
  });

  it('covers retention, GDPR export and deletion, and how to get in touch', () => {
    expect(html).toContain('retention period');
    expect(html).toMatch(/export and delete everything held about one/);
    expect(html).toContain(`href="mailto:${site.supportEmail}"`);
  });
});

describe('terms of service', () => {
  const html = renderToString(<TermsPage />);

  it('covers use, content, AI answers, billing and ending the service', () => {
    expect(html).toContain('>Terms of service</h1>');
    for (const heading of [
      'Acceptable use',
      'Your content',
      'AI answers',
      'Plans and billing',
      'Ending the service',
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain('href="/pricing"');
    expect(html).toContain('href="/legal/privacy"');
  });
});

describe('legal pages', () => {
  it('have one top-level heading, a date and no placeholder text', () => {
    for (const html of [renderToString(<PrivacyPage />), renderToString(<TermsPage />)]) {
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html).toMatch(/Last updated/);
      expect(html).not.toMatch(/lorem|ipsum|TODO|TBD|\[[A-Z ]+\]/i);
    }
  });
});
