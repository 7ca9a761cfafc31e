// From the marketing site to a new workspace, in Chromium: the landing page's own widget
// answers a question, the pricing page lists the plans billing enforces, and "Start for free"
// leads through a magic-link sign-in into dashboard onboarding.
import { randomUUID } from 'node:crypto';
import { findTenantByPublishableKey, schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import {
  launchChromium,
  magicLinkFor,
  openWidget,
  requestSignInLink,
  screenshot,
  startDashboardStack,
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
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await marketing?.stop();
    await stack?.stop();
  });

  it('lets the landing page’s widget answer, then signs a new business up into onboarding', async () => {
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
      .getByRole('link', { name: /start for free/i })
      .first()
      .click();
    await page.waitForURL((url) => url.origin === dashboard.origin && url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/onboarding');
    const email = `founder-${randomUUID().slice(0, 8)}@example.com`;
    await requestSignInLink(page, email);
    await screenshot(page, 'signup-check-email');
    await page.goto(await magicLinkFor(database.db, email));
    await page.waitForURL(/\/onboarding/);
    await page.locator('[name=name]').waitFor();
    await screenshot(page, 'signup-onboarding');
  });
});
