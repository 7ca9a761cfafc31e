import {
  startAnthropicStub,
  startChatStub,
  type AnthropicStub,
  type ChatStub,
} from '@replyline/ai/testing';
import { createAction } from '@replyline/core/actions';
import {
  sampleWooOrder,
  startWooCommerceServer,
  type WooCommerceServer,
} from '@replyline/core/integrations/testing';
import { newMember } from '@replyline/core/testing';
import { findTenantByPublishableKey, schema, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChatOnSite, say, waitForCard } from './action-visitor';
import { hasChromium } from './env';
import {
  launchChromium,
  openWidget,
  startApi,
  startSharedDatabase,
  type SharedDatabase,
} from './harness';

// "Where is my order 1001?" from a signed-in shopper on a WooCommerce shop: the status card
// comes from the shop's REST API v3 (a local WooCommerce server) through the built-in
// integration, with no AI key, and again with the OpenAI-wire and the Anthropic-wire stub
// calling the action as a tool. (Own HTTPS endpoints as actions are covered, in all three
// modes, by core's answer-with-actions and attack tests.)

const DEMO_KEY = 'pk_demo_northwind';
const EMAIL = 'ada@example.com';

interface Mode {
  name: string;
  shot: string;
  env(): Record<string, string>;
  arrange(): void;
  modelAsked(): number;
}

describe.runIf(hasChromium)('order status in the widget, in Chromium', () => {
  let database: SharedDatabase;
  let browser: Browser;
  let shop: WooCommerceServer;
  let openai: ChatStub;
  let claude: AnthropicStub;
  let tenantId: TenantId;

  beforeAll(async () => {
    database = await startSharedDatabase();
    tenantId = (await findTenantByPublishableKey(database.db, DEMO_KEY))!.id;
    shop = await startWooCommerceServer([
      sampleWooOrder(),
      sampleWooOrder({
        id: 1002,
        number: '1002',
        customer_id: 8,
        billing: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' },
      }),
    ]);
    const userId = await newMember(database.db, tenantId, 'owner');
    await createAction(
      database.db,
      { tenantId, userId, requestIp: null },
      {
        name: 'order_status',
        description: "Looks up the status of one of the customer's orders",
        kind: 'woocommerce.order_status',
        settings: {
          storeUrl: shop.url,
          consumerKey: shop.consumerKey,
          consumerSecret: shop.consumerSecret,
        },
        enabled: true,
      },
    );
    [browser, openai, claude] = await Promise.all([
      launchChromium(),
      startChatStub(),
      startAnthropicStub(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([openai?.close(), claude?.close(), shop?.close()]);
    await database?.stop();
  });

  const toolCall = { name: 'order_status', input: { orderId: '1001' } };
  const modes: Mode[] = [
    {
      name: 'with no AI key: the order intent runs the action',
      shot: 'order-status-no-model',
      env: () => ({}),
      arrange: () => undefined,
      modelAsked: () => 2,
    },
    {
      name: 'with the OpenAI-wire stub calling the tool',
      shot: 'order-status-openai',
      env: () => ({ OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.baseURL }),
      arrange: () => {
        openai.reset();
        openai.queue(
          {
            kind: 'tool_calls',
            calls: [{ name: toolCall.name, arguments: JSON.stringify(toolCall.input) }],
          },
          { kind: 'text', text: 'Your order 1001 is completed; the parcel is on its way.' },
        );
      },
      modelAsked: () => openai.requests.length,
    },
    {
      name: 'with the Anthropic-wire stub calling the tool',
      shot: 'order-status-anthropic',
      env: () => ({ ANTHROPIC_API_KEY: claude.apiKey, ANTHROPIC_BASE_URL: claude.baseURL }),
      arrange: () => {
        claude.reset();
        claude.queue(
          { kind: 'tool_use', uses: [toolCall] },
          { kind: 'text', text: 'Your order 1001 is completed; the parcel is on its way.' },
        );
      },
      modelAsked: () => claude.requests.length,
    },
  ];

  for (const mode of modes)
    it(`${mode.name}: the card shows the order from the shop`, { timeout: 240_000 }, async () => {
      mode.arrange();
      // A signed-in customer comes back to their open conversation, cards and all: the card
      // awaited must be this mode's answer, so each mode starts a conversation of its own.
      await database.db
        .update(schema.conversations)
        .set({ status: 'resolved' })
        .where(eq(schema.conversations.tenantId, tenantId));
      const asked = shop.requests.length;
      const api = await startApi({ databaseUrl: database.url, env: mode.env() });
      try {
        const site = await openChatOnSite({
          browser,
          db: database.db,
          tenantId,
          api,
          publishableKey: DEMO_KEY,
          signedInAs: EMAIL,
          title: 'Northwind shop',
        });
        await say(site.frame, 'Where is my order 1001?');
        const card = await waitForCard(site, api, 'order', mode.shot);
        const shown = await card.innerText();
        await site.page.screenshot({ path: `test-results/${mode.shot}.png` });
        expect(shown).toContain('#1001 · Completed');
        expect(shown).toMatch(/2×\s*Linen shirt/);
        expect(await card.locator('a').getAttribute('href')).toBe(
          'https://tracking.example.com/PN123456789SE',
        );
        // The shopper moves to another page of the shop: the history the widget reloads shows
        // the same card, not the words behind it. (The reload path is the same whichever
        // model answered, so one mode checks it.)
        if (mode === modes[0]) {
          await site.page.reload();
          const again = (await openWidget(site.page))
            .locator('[data-role="assistant"] [data-card="order"]')
            .last();
          await again.waitFor();
          expect(await again.innerText()).toBe(shown);
          expect(await again.locator('a').getAttribute('href')).toBe(
            'https://tracking.example.com/PN123456789SE',
          );
          await site.page.screenshot({ path: `test-results/${mode.shot}-reloaded.png` });
        }
        await site.close();
        // The order was read from the shop's REST API with the shop's key pair.
        expect(shop.requests.slice(asked).map((r) => r.path)).toContain(
          '/wp-json/wc/v3/orders/1001',
        );
        expect(mode.modelAsked()).toBeGreaterThanOrEqual(2);
      } finally {
        await api.stop();
      }
    });
});
