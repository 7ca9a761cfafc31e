// From the marketing site to a working widget, in Chromium: the landing page's own widget
// answers a question, the pricing page lists the plans billing enforces, "Start with Pro"
// leads through a magic-link sign-in and onboarding to that plan's checkout; the pages fit a
// 360 px phone; the widget editor's preview follows the owner's typing; a site missing from
// the allow-list shows no bubble and the dashboard warns about it.
import { randomUUID } from 'node:crypto';
import { findTenantByPublishableKey, schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import {
  launchChromium,
  magicLinkFor,
  openWidget,
  requestSignInLink,
  screenshot,
  startDashboardStack,
  startHostSite,
  startMarketing,
  type DashboardStack,
  type RunningApi,
  type SharedDatabase,
} from './harness';

describe.runIf(hasChromium)('signing up from the marketing site, in Chromium', () => {
  let stack: DashboardStack;
  let database: SharedDatabase;
  let api: RunningApi;
  let dashboard: RunningApi;
  let marketing: RunningApi;
  let browser: Browser;
  let owner: Page;
  let site: { origin: string; server: Server };
  let unlisted: { origin: string; server: Server };
  let publishableKey = '';

  beforeAll(async () => {
    stack = await startDashboardStack();
    ({ database, api, dashboard } = stack);
    marketing = await startMarketing({ apiOrigin: api.origin, dashboardOrigin: dashboard.origin });
    // The demo workspace's widget runs on the marketing site, wherever this run put it.
    const demo = await findTenantByPublishableKey(database.db, 'pk_demo_northwind');
    await database.db
      .update(schema.tenants)
      .set({ allowedOrigins: [marketing.origin] })
      .where(eq(schema.tenants.id, demo!.id));
    browser = await launchChromium();
    // The new business's website, and a second site of theirs they forgot to list.
    const page = () =>
      `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1><script src="${api.origin}/widget.js" data-key="${publishableKey}" async></script></body></html>`;
    [site, unlisted] = await Promise.all([startHostSite(page), startHostSite(page)]);
  }, 300_000);

  afterAll(async () => {
    site?.server.close();
    unlisted?.server.close();
    await browser?.close();
    await marketing?.stop();
    await stack?.stop();
  });

  it('lets the landing page’s widget answer, then signs a new business up on the plan it picked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(marketing.origin);
    await page.locator('h1').first().waitFor();
    const frame = await openWidget(page, 60_000);
    await frame.locator('textarea[aria-label="Message"]').fill('How much does a move cost?');
    await frame.locator('button[aria-label="Send"]').click();
    const answer = frame.locator('[data-role="assistant"]').last();
    await answer.locator('.sources').waitFor({ timeout: 30_000 });
    expect(await answer.innerText()).toMatch(/\$\d+/);
    await screenshot(page, 'marketing-landing-widget');

    await page.goto(`${marketing.origin}/pricing`);
    for (const plan of ['Free', 'Pro', 'Business'])
      await page.getByRole('heading', { name: plan, exact: true }).first().waitFor();
    await screenshot(page, 'marketing-pricing');

    await page
      .getByRole('link', { name: /start with pro/i })
      .first()
      .click();
    await page.waitForURL((url) => url.origin === dashboard.origin && url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/onboarding?plan=pro');
    const email = `founder-${randomUUID().slice(0, 8)}@example.com`;
    await requestSignInLink(page, email);
    await screenshot(page, 'signup-check-email');
    await page.goto(await magicLinkFor(database.db, email));
    await page.waitForURL(/\/onboarding\?plan=pro/);
    await page.locator('[data-chosen-plan="pro"]').waitFor();
    await screenshot(page, 'signup-onboarding');

    // The workspace, then straight on to the plan picked on the pricing page.
    const name = `Story Library ${randomUUID().slice(0, 4)}`;
    await page.locator('[name=name]').fill(name);
    await page.locator('[name=siteUrl]').fill(site.origin.replace(/^http:\/\//, ''));
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/billing\?plan=pro/);
    await page.locator('[data-chosen-plan="pro"]').waitFor();
    await screenshot(page, 'signup-billing-chosen-plan');
    const [tenant] = await database.db
      .select({ key: schema.tenants.publishableKey, origins: schema.tenants.allowedOrigins })
      .from(schema.tenants)
      .where(eq(schema.tenants.name, name));
    // "localhost:PORT" typed without a scheme is this machine's http site.
    expect(tenant!.origins).toEqual([site.origin]);
    publishableKey = tenant!.key;
    owner = page;
    // The marketing site runs under `next dev` and compiles each page on its first visit.
  }, 180_000);

  it('fits the marketing pages and the open widget on a 360 px phone', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/', '/pricing', '/docs/embedding']) {
      await phone.goto(`${marketing.origin}${path}`);
      await phone.locator('h1').first().waitFor();
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBe(0);
    }
    await phone.goto(marketing.origin);
    const launcher = phone.locator('replyline-widget button[aria-label^="Open chat"]');
    await launcher.waitFor({ timeout: 60_000 });
    const bubble = (await launcher.boundingBox())!;
    expect(bubble.x + bubble.width).toBeLessThanOrEqual(360);
    await openWidget(phone);
    const panel = (await phone.locator('replyline-widget iframe[title="Chat"]').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(360);
    await screenshot(phone, 'marketing-360-widget-open');
    await phone.close();
  });

  it('previews the widget as the owner types, before saving', async () => {
    await owner.goto(`${dashboard.origin}/widget`);
    const preview = owner.frameLocator('iframe[title="Chat widget preview"]');
    await preview.locator('.greeting').waitFor({ timeout: 20_000 });
    await owner.locator('#branding-greeting').fill('Welcome to the story library!');
    await owner.locator('#branding-launcherText').fill('Ask about a story');
    await expect
      .poll(() => preview.locator('.greeting').innerText(), { timeout: 10_000 })
      .toBe('Welcome to the story library!');
    await owner.locator('[data-preview-launcher-text]').getByText('Ask about a story').waitFor();
    // Free locks the colours: shown as they are, marked as a paid feature.
    await owner.locator('[data-locked-color]').first().waitFor();
    await screenshot(owner, 'widget-editor-live-preview');
    // Nothing was saved by typing.
    const [row] = await database.db
      .select({ branding: schema.tenants.branding })
      .from(schema.tenants)
      .where(eq(schema.tenants.publishableKey, publishableKey));
    expect(row!.branding.greeting).not.toBe('Welcome to the story library!');
  });

  it('shows no bubble on a site not allowed, and warns the owner with a one-click add', async () => {
    const visitor = await browser.newPage();
    const configAnswer = () =>
      visitor.waitForResponse((r) => r.url().includes('/v1/widget/config'));
    const refused = configAnswer();
    await visitor.goto(unlisted.origin);
    expect((await refused).status()).toBe(403);
    await expect.poll(() => visitor.locator('replyline-widget').count()).toBe(0);
    await screenshot(visitor, 'unlisted-site-no-bubble');

    await owner.goto(`${dashboard.origin}/widget`);
    const warning = owner.locator('[data-not-allowed-sites]');
    await warning.getByText(unlisted.origin).first().waitFor({ timeout: 20_000 });
    await screenshot(owner, 'widget-editor-unlisted-site-warning');
    await warning.getByRole('button', { name: `Add ${unlisted.origin}` }).click();
    await warning.waitFor({ state: 'detached' });

    // The API keeps a workspace's settings for a few seconds; then the bubble is there.
    await expect
      .poll(
        async () => {
          const answered = configAnswer();
          await visitor.reload();
          await answered;
          return visitor.locator('replyline-widget button.launcher').count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(1);
    await visitor.close();

    // Onboarding's check turned green: the widget ran on an allowed site.
    await owner.goto(dashboard.origin);
    await owner.locator('[data-widget-seen][data-state="done"]').waitFor();
    await screenshot(owner, 'onboarding-widget-seen');
  });
});
