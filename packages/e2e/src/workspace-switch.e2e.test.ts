// One person, two workspaces, in Chromium: what the Widget and Knowledge pages show after a
// switch is the new workspace's own data, without a reload, and a save lands in the workspace
// the page shows. Also: the first visit to Widget after onboarding shows the onboarding choices,
// a stale tab's save is refused, and a forged form from another site's page changes nothing.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createTenant, schema, withTenant, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import {
  createWorkspaceInOnboarding,
  launchChromium,
  screenshot,
  signInWithMagicLink,
  startDashboardStack,
  startHostSite,
  type DashboardStack,
  type RunningApi,
  type SharedDatabase,
} from './harness';

describe.runIf(hasChromium)('switching workspace in the dashboard, in Chromium', () => {
  const email = `two-shops-${randomUUID().slice(0, 8)}@example.com`;
  const suffix = randomUUID().slice(0, 4);
  const nameA = `Fjord Outdoor ${suffix}`;
  const nameB = `Moonlight Books ${suffix}`;
  const siteA = `https://fjord-${suffix}.example`;
  const siteB = `https://moonlight-${suffix}.example`;
  let stack: DashboardStack;
  let database: SharedDatabase;
  let api: RunningApi;
  let dashboard: RunningApi;
  let browser: Browser;
  let owner: BrowserContext;
  let attacker: { origin: string; server: Server };

  beforeAll(async () => {
    stack = await startDashboardStack();
    ({ database, api, dashboard } = stack);
    // Another site on the same host (so the same site, as cookies count it), posting a form.
    attacker = await startHostSite(
      () => `<!doctype html><html><body>
        <form id="f" method="post" enctype="multipart/form-data"
          action="${dashboard.origin}/api/trpc/widget.rotateIdentitySecret">
          <input name="x" value="1"></form>
        <script>document.getElementById('f').submit()</script></body></html>`,
    );
    browser = await launchChromium();
    owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    attacker?.server.close();
    await stack?.stop();
  });

  const tenantNamed = async (name: string) => {
    const [row] = await database.db
      .select()
      .from(schema.tenants)
      .where(eq(schema.tenants.name, name));
    return row!;
  };

  /** Workspace B, made straight in the database, with its own settings and a document. */
  async function seedWorkspaceB(userId: string): Promise<TenantId> {
    const { tenantId } = await createTenant(database.db, {
      name: nameB,
      slug: `moonlight-${randomUUID().slice(0, 8)}`,
      // The dashboard itself too, so the live preview can frame the chat.
      allowedOrigins: [siteB, dashboard.origin],
      branding: {
        greeting: 'Welcome to Moonlight Books!',
        suggestedQuestions: ['Do you sell gift cards?', 'When do you open?'],
      },
    });
    await withTenant(database.db, tenantId, async (tx) => {
      await tx.insert(schema.memberships).values({ tenantId, userId, role: 'owner' });
      await tx.insert(schema.documents).values({
        tenantId,
        kind: 'pdf',
        title: 'Moonlight opening hours.pdf',
        contentHash: randomUUID(),
        status: 'ready',
      });
    });
    return tenantId;
  }

  async function openSection(page: Page, label: 'Widget' | 'Knowledge') {
    await page
      .getByRole('navigation', { name: 'Dashboard' })
      .getByRole('link', { name: label })
      .click();
    await page.waitForURL(new RegExp(`/${label.toLowerCase()}$`));
  }

  async function switchTo(page: Page, tenantId: string) {
    await page.locator('select#workspace').selectOption(tenantId);
    await page.waitForFunction(
      (id) =>
        (document.querySelector('select#workspace') as HTMLSelectElement | null)?.value === id,
      tenantId,
    );
    await page.waitForURL((url) => url.pathname === '/');
  }

  const greeting = (page: Page) => page.locator('#branding-greeting');

  it('shows each workspace its own data and saves into the one shown', async () => {
    const page = await owner.newPage();
    await signInWithMagicLink(page, { database, dashboard }, email);

    // Onboarding of workspace A: its branding step sets a greeting and the assistant's name.
    await createWorkspaceInOnboarding(page, { name: nameA, siteUrl: siteA });
    await page.locator('#onboarding-greeting').fill('Hei! Fjord Outdoor here.');
    await page.locator('#onboarding-assistant').fill('Fjordbot');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('[data-onboarding-step="knowledge"]').waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.locator('[data-onboarding-step="embed"]').waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/onboarding'));

    // The first visit to Widget shows what onboarding saved, not the defaults.
    await openSection(page, 'Widget');
    await expect.poll(() => greeting(page).inputValue()).toBe('Hei! Fjord Outdoor here.');
    expect(await page.locator('#persona-assistantName').inputValue()).toBe('Fjordbot');

    const a = await tenantNamed(nameA);
    const [user] = await database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, email));
    const b = await seedWorkspaceB(user!.id);
    const storedA = a.branding;

    // Edit A's greeting (unsaved), then switch to B and open Widget without reloading.
    await page.reload();
    await greeting(page).fill('An edit in A that is never saved');
    await switchTo(page, b);
    await openSection(page, 'Widget');
    await expect.poll(() => greeting(page).inputValue()).toBe('Welcome to Moonlight Books!');
    expect(await page.locator('#branding-suggestedQuestions-0').inputValue()).toBe(
      'Do you sell gift cards?',
    );
    expect(await page.locator('#allowedOrigins-0').inputValue()).toBe(siteB);
    const snippet = await page.locator('[data-embed-snippet]').innerText();
    expect(snippet).toContain((await tenantNamed(nameB)).publishableKey);
    expect(snippet).not.toContain(a.publishableKey);
    await screenshot(page, 'workspace-switch-widget-b');

    // Knowledge shows B's documents.
    await openSection(page, 'Knowledge');
    await page.locator('[data-document-id]').first().waitFor();
    const titles = await page.locator('[data-document-id] .document__title').allInnerTexts();
    expect(titles).toEqual(['Moonlight opening hours.pdf']);

    // Saving B's branding writes B only, and keeps B's suggested questions.
    await openSection(page, 'Widget');
    await greeting(page).fill('Welcome back to Moonlight Books!');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Saved.').first().waitFor();
    const savedB = (await tenantNamed(nameB)).branding;
    expect(savedB.greeting).toBe('Welcome back to Moonlight Books!');
    expect(savedB.suggestedQuestions).toEqual(['Do you sell gift cards?', 'When do you open?']);
    expect((await tenantNamed(nameA)).branding).toEqual(storedA);
    expect(storedA.greeting).toBe('Hei! Fjord Outdoor here.');
  });

  it('refuses a save from a tab still showing the workspace switched away from', async () => {
    const a = await tenantNamed(nameA);
    const b = await tenantNamed(nameB);
    const stale = await owner.newPage();
    const current = await owner.newPage();
    await current.goto(`${dashboard.origin}/widget`);
    await switchTo(current, a.id);
    await stale.goto(`${dashboard.origin}/widget`);
    await expect.poll(() => greeting(stale).inputValue()).toBe('Hei! Fjord Outdoor here.');

    await switchTo(current, b.id);
    await greeting(stale).fill('Written in the stale tab');
    await stale.getByRole('button', { name: 'Save branding' }).click();
    await stale
      .getByText(
        `This page was loaded for workspace ${nameA}; you have switched to ${nameB}. Reload to edit ${nameB}.`,
      )
      .waitFor();
    expect((await tenantNamed(nameA)).branding).toEqual(a.branding);
    expect((await tenantNamed(nameB)).branding).toEqual(b.branding);
  });

  it('sends the security headers and refuses a form posted from another site', async () => {
    const page = await owner.newPage();
    const response = await page.goto(`${dashboard.origin}/widget`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain(`frame-src ${api.origin}`);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    // The live preview's frame from the API still loads under that policy.
    await page
      .frameLocator('iframe[title="Chat widget preview"]')
      .locator('textarea[aria-label="Message"]')
      .waitFor({ timeout: 20_000 });

    const before = (await tenantNamed(nameB)).identitySecretEncrypted;
    const forged = page.waitForResponse((r) => r.url().includes('rotateIdentitySecret'));
    await page.goto(attacker.origin);
    expect((await forged).status()).toBe(403);
    expect((await tenantNamed(nameB)).identitySecretEncrypted).toBe(before);
  });
});
