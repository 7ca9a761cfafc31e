// SCRATCH (helper's own check, to be deleted): knowledge, widget, team, billing pages in Chromium.
import { randomBytes, randomUUID } from 'node:crypto';
import { schema } from '@replyline/db';
import { and, desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, startApi, startDashboard, startSharedDatabase, type RunningApi, type SharedDatabase } from './harness';

const SHOTS = 'test-results';
const secrets = { ENCRYPTION_KEY: randomBytes(32).toString('base64'), AUTH_SECRET: randomBytes(32).toString('base64') };
let database: SharedDatabase;
let api: RunningApi;
let dashboard: RunningApi;
let browser: Browser;

beforeAll(async () => {
  database = await startSharedDatabase();
  api = await startApi({ databaseUrl: database.url, env: secrets });
  dashboard = await startDashboard({ databaseUrl: database.url, apiOrigin: api.origin, env: secrets });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await api?.stop();
  await database?.stop();
});

async function emailLink(to: string, template: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const [row] = await database.db.select({ text: schema.outboundEmails.text }).from(schema.outboundEmails)
      .where(and(eq(schema.outboundEmails.to, to), eq(schema.outboundEmails.template, template)))
      .orderBy(desc(schema.outboundEmails.createdAt)).limit(1);
    const link = row?.text.match(pattern)?.[0];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no ${template} email for ${to}`);
}

async function signIn(page: Page, email: string, path = '/sign-in') {
  await page.goto(`${dashboard.origin}${path}`);
  await page.locator('input[name=email]').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText('Check your email').first().waitFor();
  await page.goto(await emailLink(email, 'magic-link', /https?:\/\/\S+\/api\/auth\/callback\/\S+/));
}

it('works through my pages', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const owner = `owner-${randomUUID().slice(0, 8)}@example.com`;
  await signIn(page, owner);
  await page.waitForURL(/\/onboarding/);
  await page.locator('[name=name]').fill('Scratch Shop');
  await page.locator('[name=siteUrl]').fill('https://shop.example');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/onboarding'));

  // Widget
  await page.goto(`${dashboard.origin}/widget`);
  await page.locator('[data-preview-hint]').waitFor().catch(async (e) => {
    await page.screenshot({ path: `${SHOTS}/zz-fail.png`, fullPage: true });
    console.log('ERRORS', errors, await page.locator('main').innerText());
    throw e;
  });
  expect(await page.locator('[data-preview-hint]').innerText()).toContain(`Add ${dashboard.origin} to allowed websites to preview.`);
  await page.screenshot({ path: `${SHOTS}/zz-widget-hint.png`, fullPage: true });
  await page.getByRole('button', { name: `Allow ${dashboard.origin}` }).click();
  const frameEl = page.locator('iframe[title="Chat widget preview"]');
  await frameEl.waitFor();
  const frame = (await (await frameEl.elementHandle())!.contentFrame())!;
  await frame.locator('textarea[aria-label="Message"]').waitFor({ timeout: 15_000 });
  expect(await page.locator('#allowedOrigins-1').inputValue()).toBe(dashboard.origin);
  // Field error for a bad origin
  await page.getByRole('button', { name: 'Add website' }).click();
  await page.locator('#allowedOrigins-2').fill('*.shop.example');
  await page.getByRole('button', { name: 'Save websites' }).click();
  await page.locator('#allowedOrigins-2-error').waitFor();
  expect(await page.locator('#allowedOrigins-2').getAttribute('aria-invalid')).toBe('true');
  await page.getByRole('button', { name: 'Remove website 3' }).click();
  // Branding save
  await page.locator('#branding-greeting').fill('Hei! Ask us anything.');
  await page.getByRole('button', { name: 'Add suggested question' }).click();
  await page.locator('#branding-suggestedQuestions-0').fill('Where is my order?');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await page.getByText('Saved.').first().waitFor();
  // Persona save with error
  await page.locator('#persona-assistantName').fill('Sunny');
  await page.getByRole('button', { name: 'Save assistant' }).click();
  await page.getByText('Saved.').nth(1).waitFor().catch(() => undefined);
  // Rotate
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: /Rotate secret|Create secret/ }).click();
  await page.locator('#identity-secret').waitFor();
  expect(await page.locator('#identity-secret').inputValue()).toMatch(/^is_/);
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/zz-widget.png`, fullPage: true });
  await page.waitForTimeout(6_500);
  const frame2 = (await (await page.locator('iframe[title="Chat widget preview"]').elementHandle())!.contentFrame())!;
  await frame2.getByText('Hei! Ask us anything.').first().waitFor({ timeout: 5_000 });

  // Knowledge: FAQ + text doc + playground
  await page.goto(`${dashboard.origin}/knowledge`);
  await page.getByText('Import from CSV or Markdown').click();
  await page.locator('#faq-import-content').fill('## Where is my order?\nOrders ship within 2 days and arrive in 3-5 days.\n\n## Can I return shoes?\nYes, within 30 days, unworn.');
  await page.getByRole('button', { name: 'Import entries' }).click();
  await page.getByText('Added 2 entries.').waitFor();
  await page.locator('#faq-new-question').fill('Hi');
  await page.locator('#faq-new-answer').fill('x');
  await page.getByRole('button', { name: 'Add entry' }).click();
  await page.waitForTimeout(500);
  await page.locator('summary', { hasText: 'Add a text document' }).click();
  await page.locator('#text-title').fill('Shipping');
  await page.locator('#text-body').fill('# Shipping\n\nWe ship to Norway and Sweden. Shipping is free over 500 kr.');
  await page.getByRole('button', { name: 'Add document' }).click();
  await page.locator('[data-document-id][data-status="ready"]').first().waitFor({ timeout: 30_000 });
  await page.locator('textarea[name=question]').fill('Can I return shoes?');
  await page.getByRole('button', { name: 'Ask' }).click();
  await page.locator('[data-playground-answer]').waitFor();
  await page.screenshot({ path: `${SHOTS}/zz-knowledge.png`, fullPage: true });

  // Team: invite, then accept as the invited person
  await database.db.update(schema.tenants).set({ plan: 'pro' }).where(eq(schema.tenants.name, 'Scratch Shop'));
  await page.goto(`${dashboard.origin}/team`);
  const invitee = `agent-${randomUUID().slice(0, 8)}@example.com`;
  await page.locator('#invite-email').fill(invitee);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.getByText(`Invitation sent to ${invitee}`).waitFor().catch(async () => {
    await page.screenshot({ path: `${SHOTS}/zz-team-fail.png`, fullPage: true });
    throw new Error('invite failed');
  });
  await page.locator('[data-invitation-id]').first().waitFor();
  await page.screenshot({ path: `${SHOTS}/zz-team.png`, fullPage: true });
  const accept = await emailLink(invitee, 'team-invite', /https?:\/\/\S+\/invite\/\S+/);
  const ctx2 = await browser.newContext();
  const other = await ctx2.newPage();
  await other.goto(accept);
  await other.waitForURL(/\/sign-in/);
  await other.locator('input[name=email]').fill(invitee);
  await other.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await other.getByText('Check your email').first().waitFor();
  await other.goto(await emailLink(invitee, 'magic-link', /https?:\/\/\S+\/api\/auth\/callback\/\S+/));
  await other.waitForURL(/\/inbox/, { timeout: 20_000 });
  expect(await other.locator('#workspace option:checked').innerText()).toContain('Scratch Shop');
  await other.goto(`${dashboard.origin}/team`);
  await other.locator('main h1').waitFor();
  await other.screenshot({ path: `${SHOTS}/zz-team-agent.png`, fullPage: true });
  await other.goto(`${dashboard.origin}/widget`);
  await other.locator('#branding-greeting').waitFor();
  expect(await other.locator('#branding-greeting').isDisabled()).toBe(true);
  await other.goto(`${dashboard.origin}/knowledge`);
  await other.locator('main h1').waitFor();
  expect(await other.locator('input[type=file][name=pdf]').count()).toBe(0);

  // Owner changes agent to admin
  await page.reload();
  await page.locator('select[id^="role-"]').first().selectOption('admin');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForTimeout(800);

  // Billing
  await page.goto(`${dashboard.origin}/billing`);
  await page.locator('[data-billing-not-configured]').waitFor();
  await page.screenshot({ path: `${SHOTS}/zz-billing.png`, fullPage: true });
  console.log('ERRORS', errors);
}, 240_000);
