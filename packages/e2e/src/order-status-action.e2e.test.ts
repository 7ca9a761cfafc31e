import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startAnthropicStub,
  startChatStub,
  type AnthropicStub,
  type ChatStub,
} from '@replyline/ai/testing';
import { createAction } from '@replyline/core/actions';
import { newMember } from '@replyline/core/testing';
import {
  decryptSecret,
  findTenantByPublishableKey,
  schema,
  withTenant,
  type TenantId,
} from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import {
  launchChromium,
  openWidget,
  startApi,
  startHostSite,
  startSharedDatabase,
  type SharedDatabase,
} from './harness';

// "Where is my order 1001?" from a signed-in shopper on a shop page: the status card comes from
// the shop's own endpoint (a local server), with no AI key, and again with the OpenAI-wire and
// the Anthropic-wire stub calling the action as a tool.

const DEMO_KEY = 'pk_demo_northwind';
const SHOTS = 'test-results';
const EMAIL = 'ada@example.com';

describe.runIf(hasChromium)('order status in the widget, in Chromium', () => {
  let database: SharedDatabase;
  let browser: Browser;
  let shop: Server;
  let site: { origin: string; server: Server };
  let openai: ChatStub;
  let claude: AnthropicStub;
  let tenantId: TenantId;
  let signature: string;

  beforeAll(async () => {
    database = await startSharedDatabase();
    tenantId = (await findTenantByPublishableKey(database.db, DEMO_KEY))!.id;
    shop = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://shop');
      const own = url.pathname === '/orders/1001' && url.searchParams.get('email') === EMAIL;
      res.writeHead(own ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(own ? { status: 'shipped', carrier: 'PostNord' } : { error: 'no' }));
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    const shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    const userId = await newMember(database.db, tenantId, 'owner');
    await createAction(
      database.db,
      { tenantId, userId, requestIp: null },
      {
        name: 'order_status',
        description: 'Order status',
        kind: 'http',
        parameters: {
          type: 'object',
          properties: { orderId: { type: 'string', description: 'The order number' } },
          required: ['orderId'],
        },
        http: {
          urlTemplate: `${shopUrl}/orders/{orderId}?email={visitor.email}`,
          timeoutMs: 3_000,
          responseFields: [
            { path: 'status', label: 'Status' },
            { path: 'carrier', label: 'Carrier' },
          ],
        },
        enabled: true,
      },
    );
    const [tenant] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ secret: schema.tenants.identitySecretEncrypted })
        .from(schema.tenants)
        .where(eq(schema.tenants.id, tenantId)),
    );
    // What the shop's server signs for its logged-in customer (the older HMAC scheme).
    signature = createHmac('sha256', decryptSecret(tenant!.secret)).update(EMAIL).digest('hex');
    [browser, openai, claude] = await Promise.all([
      launchChromium(),
      startChatStub(),
      startAnthropicStub(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    shop?.close();
    await Promise.all([openai?.close(), claude?.close()]);
    await database?.stop();
  });

  async function askOnShopPage(env: Record<string, string>, shot: string) {
    const api = await startApi({
      databaseUrl: database.url,
      env: { ACTIONS_ALLOW_PRIVATE_ADDRESSES: 'true', ...env },
    });
    try {
      site?.server.close();
      site = await startHostSite(
        `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Northwind shop</h1>
        <script>window.Replyline = window.Replyline || function () { (window.Replyline.q = window.Replyline.q || []).push(arguments); };
        Replyline('identify', { email: '${EMAIL}', signature: '${signature}' });</script>
        <script src="${api.origin}/widget.js" data-key="${DEMO_KEY}" async></script></body></html>`,
      );
      await database.db
        .update(schema.tenants)
        .set({ allowedOrigins: [site.origin] })
        .where(eq(schema.tenants.id, tenantId));
      const page = await browser.newPage();
      await page.goto(site.origin);
      const frame = await openWidget(page);
      await frame.locator('textarea[aria-label="Message"]').fill('Where is my order 1001?');
      await frame.locator('button[aria-label="Send"]').click();
      const card = frame.locator('[data-role="assistant"] [data-card="result"]').last();
      await card.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
        // What the visitor saw and what the API said, to tell a refusal from a slow start.
        await page.screenshot({ path: `${SHOTS}/${shot}-failed.png` });
        throw new Error(
          `${String(error)}\nwidget: ${await frame.locator('body').innerText()}\napi: ${api.logs.slice(-15).join('\n')}`,
        );
      });
      const shown = await card.innerText();
      await page.screenshot({ path: `${SHOTS}/${shot}.png` });
      await page.close();
      return shown;
    } finally {
      await api.stop();
    }
  }

  it(
    'with no AI key: the order intent runs the action and the card shows the status',
    { timeout: 120_000 },
    async () => {
      const shown = await askOnShopPage({}, 'order-status-no-model');
      expect(shown).toMatch(/Status\s*shipped/);
      expect(shown).toMatch(/Carrier\s*PostNord/);
    },
  );

  it('with the OpenAI-wire stub calling the tool', { timeout: 120_000 }, async () => {
    openai.reset();
    openai.queue(
      { kind: 'tool_calls', calls: [{ name: 'order_status', arguments: '{"orderId":"1001"}' }] },
      { kind: 'text', text: 'Your order 1001 has shipped with PostNord.' },
    );
    const shown = await askOnShopPage(
      { OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.baseURL },
      'order-status-openai',
    );
    expect(shown).toMatch(/Status\s*shipped/);
    expect(openai.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('with the Anthropic-wire stub calling the tool', { timeout: 120_000 }, async () => {
    claude.reset();
    claude.queue(
      { kind: 'tool_use', uses: [{ name: 'order_status', input: { orderId: '1001' } }] },
      { kind: 'text', text: 'Your order 1001 has shipped with PostNord.' },
    );
    const shown = await askOnShopPage(
      { ANTHROPIC_API_KEY: claude.apiKey, ANTHROPIC_BASE_URL: claude.baseURL },
      'order-status-anthropic',
    );
    expect(shown).toMatch(/Status\s*shipped/);
    expect(claude.requests.length).toBeGreaterThanOrEqual(2);
  });
});
