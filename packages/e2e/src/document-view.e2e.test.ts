// Documents a person can open, in Chromium: the owner browses a real PDF in the dashboard's
// document view (passages, search within, rename, download) and manages an API key (shown
// once, then revoked). The customer's side, the PDF source viewer, is pdf-source-viewer.e2e.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { evalFile } from '@replyline/rag/testing';
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
} from './harness';

const pdf = evalFile('pdfs/pdkids.pdf');
if (!pdf)
  console.warn(
    '[e2e] SKIPPED document view and API keys: ../shared/eval/pdfs/pdkids.pdf is absent.',
  );

describe.runIf(hasChromium && pdf)(
  'the document view and API keys in the dashboard, in Chromium',
  () => {
    const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
    const workspaceName = `Story Library ${randomUUID().slice(0, 4)}`;
    let stack: DashboardStack;
    let browser: Browser;
    let owner: BrowserContext;
    let page: Page;
    let site: { origin: string; server: Server };

    beforeAll(async () => {
      stack = await startDashboardStack();
      site = await startHostSite(
        '<!doctype html><title>Story Library</title><h1>Story Library</h1>',
      );
      browser = await launchChromium();
      owner = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      page = await owner.newPage();
      await signInWithMagicLink(page, stack, email);
      await createWorkspaceInOnboarding(page, { name: workspaceName, siteUrl: site.origin });
      await page.goto(`${stack.dashboard.origin}/knowledge`);
      await page.locator('input[type=file][name=pdf]').setInputFiles({
        name: 'pdkids.pdf',
        mimeType: 'application/pdf',
        buffer: readFileSync(pdf!),
      });
      await page
        .locator('[data-document-id][data-status="ready"]')
        .first()
        .waitFor({ timeout: 120_000 });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      site?.server.close();
      await stack?.stop();
    });

    it('browses a document page by page, searches within it and renames it', async () => {
      await page.locator('[data-document-id] a.document__title').first().click();
      await page.waitForURL(/\/knowledge\/documents\/[0-9a-f-]{36}$/);
      await page.locator('[data-passage]').first().waitFor();
      expect(await page.locator('[data-passage]').count()).toBe(20);
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('[data-passage="20"]').waitFor();
      await screenshot(page, 'document-view');

      await page.getByRole('searchbox', { name: 'Search in this document' }).fill('bog');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText(/passages? with “bog”/).waitFor();
      // The list is replaced after the count line: wait for the found passages themselves.
      const onlyFound = async () => {
        const found = await page.locator('[data-passage]').allInnerTexts();
        return found.length > 0 && found.every((passage) => passage.toLowerCase().includes('bog'));
      };
      await expect.poll(onlyFound, { timeout: 15_000 }).toBe(true);
      await screenshot(page, 'document-view-search');

      await page.getByRole('button', { name: 'Rename' }).click();
      await page.getByRole('textbox', { name: 'Title' }).fill('Stories for children');
      await page.getByRole('button', { name: 'Save title' }).click();
      await page.getByRole('heading', { name: 'Stories for children' }).waitFor();
      const original = await page.getByRole('link', { name: 'Download' }).getAttribute('href');
      const download = await page.request.get(`${stack.dashboard.origin}${original}`);
      expect(download.headers()['content-type']).toBe('application/pdf');
      expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }, 120_000);

    it('creates an API key that is shown once, and revokes it', async () => {
      await page.goto(`${stack.dashboard.origin}/settings/api-keys`);
      await page.getByLabel('Name').fill('Shop FAQ sync');
      await page.getByLabel('Scope').selectOption('write');
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = await page.locator('[data-new-key] code').innerText();
      expect(secret).toMatch(/^sk_/);
      const row = page.locator('[data-api-key]', { hasText: 'Shop FAQ sync' });
      await row.waitFor();
      expect(await row.innerText()).toContain(`sk_…${secret.slice(-4)}`);
      await screenshot(page, 'api-keys-created');

      await page.reload();
      await row.waitFor();
      expect(await page.locator('[data-new-key]').count()).toBe(0);
      expect(await page.content()).not.toContain(secret);
      page.once('dialog', (dialog) => void dialog.accept());
      await row.getByRole('button', { name: 'Revoke' }).click();
      await row.getByText(/Revoked/).waitFor();
      await screenshot(page, 'api-keys-revoked');
      const refused = await page.request.get(`${stack.api.origin}/v1/manage/documents`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(refused.status()).toBe(401);
    }, 120_000);
  },
);
