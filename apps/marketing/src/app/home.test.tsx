import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLANS, formatPrice } from '@replyline/billing/plans';

// next/script renders nothing on the server (it inserts the tag after load, in the browser);
// this stand-in prints the tag it was asked for, so the test sees what the browser would get.
vi.mock('next/script', () => ({
  default: (props: { src: string; strategy?: string; 'data-key'?: string }) => (
    <script src={props.src} data-key={props['data-key']} data-strategy={props.strategy} />
  ),
}));

/** The home page rendered with these settings (env.ts reads them when it is first imported). */
async function renderHome(settings: Record<string, string> = {}): Promise<string> {
  vi.resetModules();
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  const { default: HomePage } = await import('./page');
  return renderToString(<HomePage />);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('home page', () => {
  it('presents every feature, with the widget’s measured sizes', async () => {
    const html = await renderHome();
    for (const title of [
      'Grounded answers with sources',
      'Streamed as it is written',
      'Human hand-off',
      'Private chat for identified customers',
      'Tenant isolation',
      'A light widget',
    ]) {
      expect(html).toContain(`<h3>${title}</h3>`);
    }
    expect(html).toMatch(/English, Swedish and Norwegian/);
    expect(html).toContain('3.7 KB gzipped');
    expect(html).toContain('15.4 KB');
  });

  it('explains the three steps: knowledge, brand, script tag', async () => {
    const html = await renderHome();
    const steps = [...html.matchAll(/<li><h3>([^<]+)<\/h3>/g)].map((match) => match[1]);
    expect(steps.slice(0, 3)).toEqual([
      'Upload your knowledge',
      'Make it your brand',
      'Paste one script tag',
    ]);
  });

  it('loads the real widget from the configured API with the configured key, after the page', async () => {
    const html = await renderHome({
      NEXT_PUBLIC_WIDGET_API_URL: 'https://api.replyline.example',
      NEXT_PUBLIC_DEMO_WIDGET_KEY: 'pk_site_demo',
    });
    expect(html).toContain(
      '<script src="https://api.replyline.example/widget.js" data-key="pk_site_demo" data-strategy="lazyOnload">',
    );
    // ...and shows visitors that same tag.
    expect(html).toContain(
      '&lt;script src=&quot;https://api.replyline.example/widget.js&quot; data-key=&quot;pk_site_demo&quot; async&gt;&lt;/script&gt;',
    );
  });

  it('uses the local API and the demo workspace in development', async () => {
    const html = await renderHome();
    expect(html).toContain(
      '<script src="http://localhost:4000/widget.js" data-key="pk_demo_northwind"',
    );
    expect(html).toContain('Try it on this page');
  });

  it('has no widget, and does not promise one, in production without an API URL', async () => {
    const html = await renderHome({ NODE_ENV: 'production', NEXT_PUBLIC_WIDGET_API_URL: '' });
    expect(html).not.toContain('widget.js');
    expect(html).not.toContain('Try it on this page');
  });

  it('teases every plan with its price and links to the pricing page', async () => {
    const html = await renderHome();
    for (const plan of PLANS) {
      expect(html).toContain(`<h3>${plan.name}</h3>`);
      expect(html).toContain(`<strong>${formatPrice(plan)}</strong> per month`);
    }
    expect(html).toContain('href="/pricing"');
  });

  it('sends "Start for free" to the dashboard sign-in, then onboarding on the Free plan', async () => {
    const html = await renderHome({ NEXT_PUBLIC_DASHBOARD_URL: 'https://app.replyline.example' });
    const ctas = [...html.matchAll(/<a class="button" href="([^"]+)">Start for free<\/a>/g)];
    expect(ctas).toHaveLength(2);
    for (const [, href] of ctas) {
      expect(href).toBe('https://app.replyline.example/sign-in?next=%2Fonboarding%3Fplan%3Dfree');
    }
  });

  it('has one top-level heading and labelled sections', async () => {
    const html = await renderHome();
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    for (const [, id] of html.matchAll(/<section[^>]*aria-labelledby="([^"]+)"/g)) {
      expect(html).toContain(`id="${id}"`);
    }
  });
});
