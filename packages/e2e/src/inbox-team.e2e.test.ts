// Two agents share an inbox, in Chromium: a customer asks in the widget, Ann takes the chat and
// transfers it to Bob, whose open inbox shows it under "Mine" by itself (server-sent events),
// and Bob answers with a canned reply picked by typing "/" — which the customer's widget shows.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createTenant, schema, withTenant, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
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
  type DashboardStack,
} from './harness';

describe.runIf(hasChromium)('two agents in one inbox, in Chromium', () => {
  const run = randomUUID().slice(0, 8);
  const ann = { email: `ann-${run}@example.com`, name: 'Ann Agent' };
  const bob = { email: `bob-${run}@example.com`, name: 'Bob Agent' };
  let stack: DashboardStack;
  let browser: Browser;
  let site: { origin: string; server: Server };
  let tenantId: TenantId;
  let publishableKey = '';

  beforeAll(async () => {
    stack = await startDashboardStack();
    site = await startHostSite(
      () => `<!doctype html><html lang="en"><head><title>Story library</title></head><body><h1>Stories</h1>
        <script src="${stack.api.origin}/widget.js" data-key="${publishableKey}" async></script></body></html>`,
    );
    // A workspace of its own (Pro: live hand-off), so no other test's changes reach it.
    const created = await createTenant(stack.database.db, {
      name: `Story library ${run}`,
      slug: `stories-${run}`,
      siteUrl: site.origin,
      allowedOrigins: [site.origin],
    });
    tenantId = created.tenantId;
    publishableKey = created.publishableKey;
    await withTenant(stack.database.db, tenantId, async (tx) => {
      await tx.update(schema.tenants).set({ plan: 'pro' }).where(eq(schema.tenants.id, tenantId));
      const users = await tx
        .insert(schema.users)
        .values([ann, bob])
        .returning({ id: schema.users.id });
      await tx.insert(schema.memberships).values([
        { tenantId, userId: users[0]!.id, role: 'owner' },
        { tenantId, userId: users[1]!.id, role: 'agent' },
      ]);
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await stack?.stop();
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Two agents, a customer and three servers share two cores: allow for a slow first page.
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.dashboard.origin}/sign-in`);
    await requestSignInLink(page, email);
    await page.goto(await magicLinkFor(stack.database.db, email), { waitUntil: 'commit' });
    await page.waitForURL((url) => !/^\/(sign-in|api\/auth)/.test(url.pathname));
    return page;
  }

  it('transfers a conversation to a named agent, who answers with a canned reply', async () => {
    const annPage = await signedIn(ann.email);
    const bobPage = await signedIn(bob.email);

    // Ann keeps the workspace's canned replies in Settings.
    await annPage.goto(`${stack.dashboard.origin}/settings#canned-replies`);
    await annPage.locator('#canned-shortcut').fill('refund');
    await annPage.locator('#canned-title').fill('How refunds work');
    await annPage
      .locator('#canned-body')
      .fill('Refunds reach your card within **5 working days**.');
    await annPage.getByRole('button', { name: 'Add canned reply' }).click();
    await annPage.locator('[data-canned-reply="refund"]').waitFor();
    await screenshot(annPage, 'inbox-team-canned-replies');

    // Bob's inbox is open on "Mine", empty, before anything happens.
    await bobPage.goto(`${stack.dashboard.origin}/inbox`);
    await bobPage.getByRole('button', { name: 'Mine' }).click();
    await bobPage.getByText('No conversations yet.').waitFor();

    // A customer asks in the widget on the library's website.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(site.origin);
    const widget = await openWidget(visitor);
    await widget.locator('textarea[aria-label="Message"]').fill('Can I get my money back?');
    await widget.locator('button[aria-label="Send"]').click();
    await widget.locator('[data-role="assistant"]').last().waitFor({ timeout: 20_000 });

    // Ann takes it over and transfers it to Bob by name.
    await annPage.goto(`${stack.dashboard.origin}/inbox`);
    await annPage.locator('[data-conversation-id]').first().click();
    await annPage.getByRole('button', { name: 'Take over' }).click();
    await annPage.getByRole('button', { name: 'Hand back to bot' }).waitFor();
    await annPage.getByLabel('Assigned to').selectOption({ label: bob.name });
    await annPage.locator('[data-conversation-id]', { hasText: `Assigned: ${bob.name}` }).waitFor();
    await screenshot(annPage, 'inbox-team-transferred');

    // Bob's open inbox shows it under "Mine" without a reload.
    const mine = bobPage.locator('[data-conversation-id]').first();
    await mine.waitFor({ timeout: 15_000 });
    await mine.click();
    const reply = bobPage.locator('textarea[name=reply]');
    await reply.pressSequentially('/ref');
    await bobPage.getByRole('option', { name: /\/refund/ }).waitFor();
    await screenshot(bobPage, 'inbox-team-canned-picker');
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe('Refunds reach your card within **5 working days**.');
    await bobPage.getByRole('button', { name: 'Send reply' }).click();
    // The agent's Markdown is rendered in the transcript, not shown raw.
    await bobPage.locator('[data-role="agent"] strong', { hasText: '5 working days' }).waitFor();
    await screenshot(bobPage, 'inbox-team-answered');

    const answer = widget.locator('[data-role="agent"]').last();
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.innerText()).toContain('5 working days');
    await screenshot(visitor, 'inbox-team-widget');
  }, 300_000);
});
