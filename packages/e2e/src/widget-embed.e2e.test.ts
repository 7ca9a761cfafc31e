import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import { launchChromium, startApi, startHostSite, type RunningApi } from './harness';

const DEMO_KEY = 'pk_demo_northwind';

describe.runIf(hasChromium)('the widget on a customer site, in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;
  let site: { origin: string; server: Server };

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
    site =
      await startHostSite(`<!doctype html><html lang="en"><head><title>Customer site</title></head>
      <body><h1>Welcome</h1><p id="after">host page still works</p>
      <script>window.Replyline = window.Replyline || function () { (window.Replyline.q = window.Replyline.q || []).push(arguments); }; window.Replyline('identify', { name: 'Ada' });</script>
      <script src="${api.origin}/widget.js" data-key="${DEMO_KEY}" async></script>
      <script>document.getElementById('after').dataset.ran = 'yes';</script></body></html>`);
  });

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await api?.stop();
  });

  it('loads from the API origin with one script tag and opens a cross-origin chat frame', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(site.origin);

    const bubble = page.locator('replyline-widget').locator('button[aria-label="Open chat"]');
    await bubble.waitFor({ state: 'visible' });
    expect(await page.locator('#after').getAttribute('data-ran')).toBe('yes');
    expect(await bubble.getAttribute('aria-expanded')).toBe('false');

    await bubble.click();
    const frame = page.locator('replyline-widget').locator('iframe[title="Chat"]');
    await frame.waitFor({ state: 'attached' });
    expect(await bubble.getAttribute('aria-expanded')).toBe('true');
    const src = new URL((await frame.getAttribute('src')) ?? '');
    expect(src.origin).toBe(api.origin);
    expect(src.origin).not.toBe(site.origin);
    expect(src.searchParams.get('key')).toBe(DEMO_KEY);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: 'test-results/widget-open.png' });
    await page.close();
  });

  it('serves a health report the browser can read', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${api.origin}/health`);
    expect(response?.status()).toBe(200);
    expect(JSON.parse(await page.locator('body').innerText())).toMatchObject({
      status: 'ok',
      database: { status: 'up' },
    });
    await page.close();
  });
});
