// A new business, end to end in Chromium: sign in with a magic link, create a workspace, upload
// a real PDF, ask the playground, then take over a live conversation that a customer is having
// in the widget (a second browser context) and see the agent's reply arrive there.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { schema, withTenant, type TenantId } from '@replyline/db';
import { evalFile } from '@replyline/rag/testing';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import {
  createWorkspaceInOnboarding,
  launchChromium,
  openWidget,
  screenshot,
  signInWithMagicLink,
  startDashboardStack,
  startHostSite,
  type DashboardStack,
  type RunningApi,
  type SharedDatabase,
} from './harness';

const pdf = evalFile('pdfs/pdkids.pdf');

/** The dashboard's pages checked at phone width. */
const PHONE_PAGES = [
  '',
  'inbox',
  'tickets',
  'knowledge',
  'widget',
  'team',
  'analytics',
  'billing',
  'settings',
];
if (!pdf)
  console.warn('[e2e] SKIPPED dashboard walk-through: ../shared/eval/pdfs/pdkids.pdf is absent.');

describe.runIf(hasChromium && pdf)('a new business in the dashboard, in Chromium', () => {
  const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
  const workspaceName = `Moonlight Books ${randomUUID().slice(0, 4)}`;
  let stack: DashboardStack;
  let database: SharedDatabase;
  let api: RunningApi;
  let dashboard: RunningApi;
  let browser: Browser;
  let owner: BrowserContext;
  let customer: BrowserContext;
  let site: { origin: string; server: Server };
  let publishableKey = '';

  beforeAll(async () => {
    stack = await startDashboardStack();
    ({ database, api, dashboard } = stack);
    site = await startHostSite(
      () => `<!doctype html><html lang="en"><head><title>Moonlight Books</title></head><body><h1>Moonlight Books</h1>
        <script src="${api.origin}/widget.js" data-key="${publishableKey}" async></script></body></html>`,
    );
    browser = await launchChromium();
    owner = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    customer = await browser.newContext();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await stack?.stop();
  });

  it('walks from sign-in to a human reply in the customer’s widget', async () => {
    const page = await owner.newPage();

    // Sign in with a magic link; in production mode the link is read from the email outbox.
    await signInWithMagicLink(page, { database, dashboard }, email);

    // Onboarding: the first workspace, for the customer's website.
    await createWorkspaceInOnboarding(page, { name: workspaceName, siteUrl: site.origin });
    // The guided steps: branding, first knowledge, the embed snippet; each can be skipped.
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.locator('[data-onboarding-step="knowledge"]').waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.locator('[data-onboarding-step="embed"]').waitFor();
    await screenshot(page, 'dashboard-onboarding-embed');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/onboarding'));
    const tenantId = await workspaceId();
    publishableKey = await keyOf(tenantId);
    await screenshot(page, 'dashboard-home');

    // Knowledge: upload a real PDF and wait until it is searchable.
    await page.goto(`${dashboard.origin}/knowledge`);
    await page.locator('input[type=file][name=pdf]').setInputFiles({
      name: 'pdkids.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(pdf!),
    });
    await page
      .locator('[data-document-id][data-status="ready"]')
      .first()
      .waitFor({ timeout: 90_000 });
    await page.locator('textarea[name=question]').fill('Why was the Moon buried in the bog?');
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('[data-playground-answer]').waitFor();
    expect(await page.locator('[data-passage-score]').count()).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-knowledge');

    // A customer asks in the widget on the business's website.
    const visitor = await customer.newPage();
    await visitor.goto(site.origin);
    const widget = await openWidget(visitor);
    await widget.locator('textarea[aria-label="Message"]').fill('Who trapped the Moon in the bog?');
    await widget.locator('button[aria-label="Send"]').click();
    await widget.locator('[data-role="assistant"]').last().waitFor({ timeout: 20_000 });

    // The owner takes the conversation over from the inbox and answers (live hand-off is a Pro
    // feature, as if the business had just upgraded in Billing).
    await withTenant(database.db, tenantId, (tx) =>
      tx.update(schema.tenants).set({ plan: 'pro' }).where(eq(schema.tenants.id, tenantId)),
    );
    await page.goto(`${dashboard.origin}/inbox`);
    await page.locator('[data-conversation-id]').first().click();
    await page.getByRole('button', { name: 'Take over' }).click();
    await page.getByRole('button', { name: 'Hand back to bot' }).waitFor();
    await page
      .locator('textarea[name=reply]')
      .fill('Hello from the Moonlight team, happy to help.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await screenshot(page, 'dashboard-inbox');

    const agentReply = widget.locator('[data-role="agent"]').last();
    await agentReply.waitFor({ timeout: 15_000 });
    expect(await agentReply.innerText()).toContain('Hello from the Moonlight team');
    await screenshot(visitor, 'dashboard-widget-agent-reply');

    for (const section of ['tickets', 'widget', 'team', 'analytics', 'billing', 'settings']) {
      await page.goto(`${dashboard.origin}/${section}`);
      await page.locator('main h1').first().waitFor();
      await screenshot(page, `dashboard-${section}`);
    }

    // Every page fits a 360 px phone: nothing wider than the screen, no sideways scrolling.
    // Each page's widest elements are named, so one run shows every page that does not fit.
    await page.setViewportSize({ width: 360, height: 740 });
    const tooWide: Record<string, string[]> = {};
    for (const section of PHONE_PAGES) {
      await page.goto(`${dashboard.origin}/${section}`);
      await page.locator('main h1').first().waitFor();
      const found = await page.evaluate(() => {
        const overflow = document.documentElement.scrollWidth - window.innerWidth;
        if (overflow <= 0) return [];
        // Elements reaching past the screen, not inside a box that scrolls or clips them, and
        // whose parent fits: the ones that push the page wider.
        const past = (el: Element) => el.getBoundingClientRect().right > window.innerWidth + 1;
        const clipped = (el: Element) => {
          for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
            if (getComputedStyle(up).overflowX !== 'visible') return true;
          return false;
        };
        const culprits = Array.from(document.querySelectorAll('body *'))
          .filter((el) => past(el) && !clipped(el) && !(el.parentElement && past(el.parentElement)))
          .slice(0, 6)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} ${Math.round(el.getBoundingClientRect().right)}px`,
          );
        return [`${overflow}px wider than the screen`, ...culprits];
      });
      if (found.length) tooWide[`/${section}`] = found;
      if (section === 'inbox' || section === 'widget')
        await screenshot(page, `dashboard-360-${section}`);
    }
    expect(tooWide).toEqual({});
  }, 180_000);

  async function workspaceId(): Promise<TenantId> {
    const [row] = await database.db
      .select({ id: schema.tenants.id })
      .from(schema.tenants)
      .where(eq(schema.tenants.name, workspaceName));
    return row!.id as TenantId;
  }

  async function keyOf(tenantId: TenantId): Promise<string> {
    const [row] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ key: schema.tenants.publishableKey })
        .from(schema.tenants)
        .where(eq(schema.tenants.id, tenantId)),
    );
    return row!.key;
  }
});
