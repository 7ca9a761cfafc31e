// A customer opens an answer's PDF source, in Chromium: the widget on a shop's page answers
// from a real PDF, its source is a link, and the link opens the API's viewer on the cited
// page with the quoted passage marked (pdf.js loads only there, never in the widget). A
// Markdown source opens the same way as the document's text, scrolled to the marked passage.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createTenant } from '@replyline/db';
import { addFileDocument, addPdfDocument, processDocument } from '@replyline/rag';
import { evalFile } from '@replyline/rag/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import {
  launchChromium,
  openWidget,
  screenshot,
  startApi,
  startHostSite,
  startSharedDatabase,
  type RunningApi,
  type SharedDatabase,
} from './harness';

const pdf = evalFile('pdfs/pdkids.pdf');

/** The library's lending rules: the cited rule sits far down, below a long list of others. */
const RENEWAL = 'Printed books may be renewed twice online for another three weeks each time.';
const LENDING_RULES = [
  '# Lending rules',
  ...Array.from(
    { length: 40 },
    (_, i) => `## Rule ${i + 1}\n\nReading room ${i + 1} opens at nine and closes at six.`,
  ),
  '## Renewals',
  `${RENEWAL} Audio books cannot be renewed.`,
].join('\n\n');
if (!pdf)
  console.warn('[e2e] SKIPPED PDF source viewer: ../shared/eval/pdfs/pdkids.pdf is absent.');

describe.runIf(hasChromium && pdf)('the PDF source viewer, in Chromium', () => {
  let database: SharedDatabase;
  let api: RunningApi;
  let browser: Browser;
  let site: { origin: string; server: Server };
  let publishableKey = '';

  beforeAll(async () => {
    database = await startSharedDatabase();
    api = await startApi({ databaseUrl: database.url });
    site = await startHostSite(
      () => `<!doctype html><html lang="en"><head><title>Story Library</title></head><body><h1>Story Library</h1>
        <script src="${api.origin}/widget.js" data-key="${publishableKey}" async></script></body></html>`,
    );
    const slug = `stories-${randomUUID().slice(0, 8)}`;
    const tenant = await createTenant(database.db, {
      name: 'Story Library',
      slug,
      allowedOrigins: [site.origin],
    });
    publishableKey = tenant.publishableKey;
    const deps = { db: database.db, queue: { send: async () => null } };
    const added = await addPdfDocument(deps, tenant.tenantId, {
      filename: 'pdkids.pdf',
      bytes: new Uint8Array(readFileSync(pdf!)),
    });
    expect(await processDocument(deps, tenant.tenantId, added.documentId)).toBe('ready');
    const rules = await addFileDocument(deps, tenant.tenantId, {
      kind: 'markdown',
      filename: 'lending-rules.md',
      bytes: new TextEncoder().encode(LENDING_RULES),
    });
    expect(await processDocument(deps, tenant.tenantId, rules.documentId)).toBe('ready');
    browser = await launchChromium();
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await api?.stop();
    await database?.stop();
  });

  it('opens an answer’s PDF source on the cited page with the passage marked', async () => {
    const customer = await browser.newContext();
    const visitor = await customer.newPage();
    await visitor.goto(site.origin);
    const widget = await openWidget(visitor);
    await widget.locator('textarea[aria-label="Message"]').fill('Who trapped the Moon in the bog?');
    await widget.locator('button[aria-label="Send"]').click();
    const source = widget.locator('[data-role="assistant"] .sources a[data-kind="pdf"]').first();
    await source.waitFor({ timeout: 30_000 });
    const label = await source.innerText();
    expect(label).toMatch(/pdkids, p\. \d+/);
    await screenshot(visitor, 'widget-pdf-source');

    const [viewer] = await Promise.all([customer.waitForEvent('page'), source.click()]);
    await viewer.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    const cited = Number(/p\. (\d+)/.exec(label)![1]);
    expect(await viewer.locator('#status').innerText()).toContain(`Page ${cited} of`);
    expect(Number(await viewer.locator('body').getAttribute('data-marks'))).toBeGreaterThan(0);
    await screenshot(viewer, 'pdf-source-viewer');

    // The link opens this conversation's cited page only: a changed signature is refused.
    const forged = viewer.url().replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const refused = await customer.request.get(forged);
    expect(refused.status()).toBe(403);
    await customer.close();
  }, 120_000);

  it('opens a Markdown source as its text, scrolled to the marked passage', async () => {
    const customer = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const visitor = await customer.newPage();
    await visitor.goto(site.origin);
    const widget = await openWidget(visitor);
    await widget
      .locator('textarea[aria-label="Message"]')
      .fill('Can printed books be renewed online?');
    await widget.locator('button[aria-label="Send"]').click();
    const source = widget
      .locator('[data-role="assistant"] .sources a[data-kind="document"]')
      .first();
    await source.waitFor({ timeout: 30_000 });
    expect(await source.innerText()).toContain('lending-rules');

    const [viewer] = await Promise.all([customer.waitForEvent('page'), source.click()]);
    await viewer.waitForLoadState();
    const mark = viewer.locator('mark#cited');
    expect(await mark.innerText()).toBe(RENEWAL);
    // The link's #cited brought the passage into view, far below the page's top.
    const top = await mark.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(600);
    expect(await viewer.evaluate(() => window.scrollY)).toBeGreaterThan(600);
    expect(await viewer.locator('h3', { hasText: 'Renewals' }).count()).toBe(1);
    await viewer.screenshot({ path: 'test-results/document-source-viewer.png' });
    await customer.close();
  }, 120_000);
});
