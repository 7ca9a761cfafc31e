import { createHmac } from 'node:crypto';
import { decryptSecret, schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { Browser, Frame, Page } from 'playwright-core';
import { openWidget, startHostSite, type RunningApi } from './harness';

// A visitor on the business's own site, for the actions' browser tests (order status,
// booking); a signed-in customer's email is signed by the site for the widget (HMAC scheme).

/** What the site's server signs for its logged-in customer. */
export async function identitySignature(
  db: Database,
  tenantId: TenantId,
  email: string,
): Promise<string> {
  const [tenant] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ secret: schema.tenants.identitySecretEncrypted })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, tenantId)),
  );
  return createHmac('sha256', decryptSecret(tenant!.secret)).update(email).digest('hex');
}

export interface SiteVisit {
  page: Page;
  frame: Frame;
  close(): Promise<void>;
}

/**
 * Serves a page of the business's site with the widget (and, for `signedInAs`, the customer's
 * signed identity), lets the workspace accept its origin, opens it in Chromium and the chat.
 */
export async function openChatOnSite(input: {
  browser: Browser;
  db: Database;
  tenantId: TenantId;
  api: RunningApi;
  publishableKey: string;
  signedInAs?: string;
  title: string;
}): Promise<SiteVisit> {
  const identify = input.signedInAs
    ? `Replyline('identify', { email: '${input.signedInAs}', signature: '${await identitySignature(input.db, input.tenantId, input.signedInAs)}' });`
    : '';
  const site = await startHostSite(
    `<!doctype html><html lang="en"><head><title>${input.title}</title></head><body><h1>${input.title}</h1>
    <script>window.Replyline = window.Replyline || function () { (window.Replyline.q = window.Replyline.q || []).push(arguments); };
    ${identify}</script>
    <script src="${input.api.origin}/widget.js" data-key="${input.publishableKey}" async></script></body></html>`,
  );
  await input.db
    .update(schema.tenants)
    .set({ allowedOrigins: [site.origin] })
    .where(eq(schema.tenants.id, input.tenantId));
  const page = await input.browser.newPage();
  await page.goto(site.origin);
  const frame = await openWidget(page);
  return {
    page,
    frame,
    close: async () => {
      await page.close();
      site.server.close();
    },
  };
}

/** Sends a message from the chat frame. */
export async function say(frame: Frame, text: string): Promise<void> {
  await frame.locator('textarea[aria-label="Message"]').fill(text);
  await frame.locator('button[aria-label="Send"]').click();
}

/**
 * Waits for the assistant's newest card of a type; on a timeout the error carries what the
 * visitor saw and the API's last lines (a refusal reads differently from a slow start), and a
 * screenshot is kept.
 */
export async function waitForCard(
  site: SiteVisit,
  api: RunningApi,
  type: string,
  shot: string,
): Promise<ReturnType<Frame['locator']>> {
  const card = site.frame.locator(`[data-role="assistant"] [data-card="${type}"]`).last();
  await card.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    await site.page.screenshot({ path: `test-results/${shot}-failed.png` });
    throw new Error(
      `${String(error)}\nwidget: ${await site.frame.locator('body').innerText()}\napi: ${api.logs.slice(-15).join('\n')}`,
    );
  });
  return card;
}
