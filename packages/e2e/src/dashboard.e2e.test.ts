// A new business, end to end in Chromium: sign in with a magic link, create a workspace, upload
// a real PDF, ask the playground, then take over a live conversation that a customer is having
// in the widget (a second browser context) and see the agent's reply arrive there. Then every
// page at phone width, the phone menu with and without JavaScript, and a ticket with the files
// a customer emailed.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createTicket, storeAssistantMessage } from '@replyline/core';
import { receiveTicketReply, ticketReplyAddress } from '@replyline/core/email-replies';
import { asUserId, schema, withTenant, type TenantId } from '@replyline/db';
import { evalFile } from '@replyline/rag/testing';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
/** A phone camera's file name: one long word, which must wrap rather than widen the page. */
const PHOTO_NAME = 'IMG_20261204_103512_torn_dust_jacket_front_cover.png';

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
/**
 * How far the page scrolls sideways, and the elements that push it wider than the screen (past
 * its right edge, not inside a box that scrolls or clips them, with a parent that fits).
 */
function overflowOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow <= 0) return [];
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
}

/**
 * Numbered lists whose widest number does not fit the room the list leaves for it: a number is
 * drawn in its list's padding, so the rest is cut off (or overlaps what is beside the list).
 */
function cutListNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const measure = document.createElement('canvas').getContext('2d')!;
    return Array.from(document.querySelectorAll<HTMLOListElement>('main ol')).flatMap((list) => {
      const style = getComputedStyle(list);
      const items = Array.from(list.children).filter(
        (li): li is HTMLLIElement => li instanceof HTMLLIElement && li.offsetParent !== null,
      );
      if (!items.length || style.listStyleType === 'none' || style.listStylePosition !== 'outside')
        return [];
      const numbers = items.map((li, i) => (li.hasAttribute('value') ? li.value : list.start + i));
      const widest = `${Math.max(...numbers)}. `;
      const font = getComputedStyle(items[0]!);
      measure.font = `${font.fontWeight} ${font.fontSize} ${font.fontFamily}`;
      const needed = measure.measureText(widest).width;
      const room = parseFloat(style.paddingLeft);
      return needed > room + 0.5
        ? [
            `ol.${Array.from(list.classList).join('.')}: "${widest}" needs ${Math.ceil(needed)}px, has ${room}px`,
          ]
        : [];
    });
  });
}

/** The activity chart's day labels (recharts draws tick labels apart from the tick marks). */
const DAY_LABELS =
  '[data-chart="activity"] text.recharts-cartesian-axis-tick-value[orientation="bottom"]';

/** The activity chart's day labels that run into their neighbour, and how many show. */

function dayAxisLabels(page: Page): Promise<{ shown: number; overlapping: string[] }> {
  return page.evaluate((selector) => {
    const labels = Array.from(document.querySelectorAll(selector))
      .map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }))
      .sort((a, b) => a.box.left - b.box.left);
    const overlapping = labels
      .slice(1)
      .flatMap((label, i) =>
        label.box.left < labels[i]!.box.right ? [`${labels[i]!.text} / ${label.text}`] : [],
      );
    return { shown: labels.length, overlapping };
  }, DAY_LABELS);
}

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
    // An answer with cards, as an order-status action stores it: the inbox shows them too.
    await storeAssistantMessage(database.db, tenantId, await conversationOf(tenantId), {
      content: 'Order #1042 has shipped.',
      sources: [],
      cards: [
        {
          type: 'order',
          orderId: '1042',
          status: 'Shipped',
          placedAt: '2026-05-02T09:30:00.000Z',
          total: '€48.00',
          items: [{ name: 'The Buried Moon, illustrated hardback edition', quantity: 2 }],
          trackingUrl: 'https://tracking.example.com/parcels/1042',
        },
      ],
      tags: ['action'],
      usage: { inputTokens: 0, outputTokens: 0, model: 'none' },
      escalation: null,
    });

    const ticketId = await ticketWithFiles(tenantId, {
      photo: await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } }),
      receipt: readFileSync(pdf!),
    });
    const checkDayLabels = async () => {
      // The day labels are SVG text laid out once the chart knows its width.
      await page.waitForFunction(
        (selector) => document.querySelectorAll(selector).length > 2,
        DAY_LABELS,
      );
      const labels = await dayAxisLabels(page);
      expect(labels.overlapping).toEqual([]);
      expect(labels.shown).toBeGreaterThan(2);
    };

    for (const section of ['tickets', 'widget', 'team', 'analytics', 'billing', 'settings']) {
      await page.goto(`${dashboard.origin}/${section}`);
      await page.locator('main h1').first().waitFor();
      if (section === 'analytics') await checkDayLabels();
      await screenshot(page, `dashboard-${section}`);
    }
    // The files a customer sent with an email reply, on the ticket.
    const filesOfTicket = page.locator('section[aria-labelledby="ticket-files-title"]');
    await page.goto(`${dashboard.origin}/tickets/${ticketId}`);
    await filesOfTicket.getByRole('link', { name: PHOTO_NAME }).waitFor();
    expect(await filesOfTicket.getByRole('link').count()).toBe(2);
    await screenshot(page, 'dashboard-ticket-files');

    // Every page fits a 360 px phone: nothing wider than the screen, no sideways scrolling.
    // Each page's widest elements are named, so one run shows every page that does not fit.
    await page.setViewportSize({ width: 360, height: 740 });
    const tooWide: Record<string, string[]> = {};
    for (const section of PHONE_PAGES) {
      await page.goto(`${dashboard.origin}/${section}`);
      await page.locator('main h1').first().waitFor();
      const found = await overflowOf(page);
      if (found.length) tooWide[`/${section}`] = found;
      if (section === 'widget') await screenshot(page, `dashboard-360-${section}`);
    }

    // On a phone the sidebar folds into a header with the workspace and a Menu button: each
    // page starts with its own content, and the menu opens, closes and navigates.
    const menuButton = page.getByRole('button', { name: 'Menu' });
    const menu = page.locator('#sidebar-menu');
    expect(await page.locator('.sidebar__workspace').innerText()).toBe(workspaceName);
    expect(await menuButton.getAttribute('aria-controls')).toBe('sidebar-menu');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    expect((await page.locator('main h1').first().boundingBox())!.y).toBeLessThan(140);
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await menu.getByRole('link', { name: 'Inbox', exact: true }).waitFor();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'dashboard-360-menu-open');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe(
      'sidebar-menu',
    );

    const openFromMenu = async (name: string, path: string) => {
      await menuButton.click();
      await menu.getByRole('link', { name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await page.locator('main h1').first().waitFor();
      await menu.waitFor({ state: 'hidden' });
      // The followed link is hidden with the menu; focus moved on to the page.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    };
    /**
     * Screenshot of the page once its data is in, after checking that it fits the phone and
     * that no numbered list cuts off its numbers.
     */
    const cutNumbers: Record<string, string[]> = {};
    const phoneShot = async (name: string) => {
      await page.waitForFunction(
        () => !/Loading/.test(document.querySelector('main')?.textContent ?? ''),
      );
      const path = new URL(page.url()).pathname;
      const found = await overflowOf(page);
      if (found.length) tooWide[path] = found;
      const cut = await cutListNumbers(page);
      if (cut.length) cutNumbers[path] = cut;
      await screenshot(page, `dashboard-360-${name}`);
    };

    await openFromMenu('Inbox', '/inbox');
    await page.locator('[data-conversation-id]').first().click();
    await page.locator('[data-card="order"]').waitFor();
    // The order's date as the agent's date and time, not the shop's ISO string.
    const orderCard = await page.locator('[data-card="order"]').innerText();
    expect(orderCard).toMatch(/\d May 2026, \d\d:\d\d/);
    expect(orderCard).not.toContain('2026-05-02T');
    await phoneShot('inbox');

    await openFromMenu('Knowledge', '/knowledge');
    await phoneShot('knowledge');
    await page.locator('a.document__title').first().click();
    await page.waitForURL(/\/knowledge\/documents\//);
    await page.locator('[data-passage]').first().waitFor();
    // The PDF's 20 pages are listed beside the passages: "10." and on need room too.
    await page.getByRole('button', { name: /^Page 20/ }).waitFor();
    await phoneShot('document');

    await openFromMenu('Settings', '/settings');
    await page.getByRole('link', { name: /^Actions/ }).click();
    await page.waitForURL((url) => url.pathname === '/settings/actions');
    await page.locator('main h1').first().waitFor();
    await phoneShot('settings-actions');

    for (const [name, path] of [
      ['Team', '/team'],
      ['Analytics', '/analytics'],
      ['Notifications', '/settings/notifications'],
    ] as const) {
      await openFromMenu(name, path);
      if (name === 'Analytics') await checkDayLabels();
      await phoneShot(path.slice(1).replace('/', '-'));
    }
    await page.goto(`${dashboard.origin}/tickets/${ticketId}`);
    await filesOfTicket.getByRole('link', { name: PHOTO_NAME }).waitFor();
    await phoneShot('ticket-files');
    expect(tooWide).toEqual({});
    expect(cutNumbers).toEqual({});

    // Without JavaScript (or before it has loaded) the Menu is a link that shows the menu, and
    // Close one that hides it again; the menu's links are plain links.
    const noScript = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      storageState: await owner.storageState(),
    });
    const plain = await noScript.newPage();
    await plain.goto(`${dashboard.origin}/tickets`);
    const plainMenu = plain.locator('#sidebar-menu');
    expect(await plainMenu.isVisible()).toBe(false);
    await plain.getByRole('link', { name: 'Menu', exact: true }).click();
    await plainMenu.getByRole('link', { name: 'Knowledge', exact: true }).waitFor();
    await screenshot(plain, 'dashboard-360-menu-no-script');
    await plain.getByRole('link', { name: 'Close', exact: true }).click();
    await plainMenu.waitFor({ state: 'hidden' });
    await plain.getByRole('link', { name: 'Menu', exact: true }).click();
    await plainMenu.getByRole('link', { name: 'Knowledge', exact: true }).click();
    await plain.waitForURL((url) => url.pathname === '/knowledge');
    await plain.locator('main h1').first().waitFor();
    await noScript.close();

    // A desktop again: the sidebar is all there, no Menu button.
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(await menuButton.isVisible()).toBe(false);
    expect(await menu.getByRole('link', { name: 'Inbox', exact: true }).isVisible()).toBe(true);
  }, 240_000);

  /**
   * A ticket the customer answered by email with a photo and a receipt, received the way the
   * inbound-email webhook receives it (the ticket's signed reply address, the attachment check).
   */
  async function ticketWithFiles(
    tenantId: TenantId,
    files: { photo: Buffer; receipt: Buffer },
  ): Promise<string> {
    const [person] = await database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, email));
    const { ticketId, ticketNumber } = await createTicket(
      database.db,
      tenantId,
      asUserId(person!.id),
      {
        subject: 'Torn dust jacket',
        customerEmail: 'ann.berg@example.com',
        customerName: 'Ann Berg',
        message: 'My copy of The Buried Moon arrived with a torn dust jacket.',
      },
    );
    const file = (filename: string, contentType: string, bytes: Buffer) => ({
      filename,
      contentType,
      size: bytes.length,
      read: async () => bytes,
    });
    const received = await receiveTicketReply(database.db, {
      to: [ticketReplyAddress(tenantId, ticketNumber)],
      from: 'Ann Berg <ann.berg@example.com>',
      text: 'Here are a photo of the jacket and the receipt.',
      deliveryId: randomUUID(),
      attachments: [
        file(PHOTO_NAME, 'image/png', files.photo),
        file('receipt-1042.pdf', 'application/pdf', files.receipt),
      ],
    });
    expect(received).toMatchObject({ status: 'threaded', attachmentsKept: 2 });
    return ticketId;
  }

  async function conversationOf(tenantId: TenantId): Promise<string> {
    const [row] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ id: schema.conversations.id })
        .from(schema.conversations)
        .where(eq(schema.conversations.tenantId, tenantId)),
    );
    return row!.id;
  }

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
