import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createAnthropicChatModel,
  createExtractiveModel,
  type ChatModel,
  type EngineEvent,
} from '@replyline/ai';
import {
  startAnthropicStub,
  startChatStub,
  stubModel,
  type AnthropicStub,
  type ChatStub,
} from '@replyline/ai/testing';
import { asUserId, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openVisitorTurn } from '../conversations/visitor-turn';
import { getTranscript } from '../inbox/get-transcript';
import { newMember, newWorkspace } from '../testing';
import { answerWithActions } from './answer-with-actions';
import { createAction } from './manage-actions';

// A visitor's message answered with the workspace's actions: with no model by intent, and by
// the OpenAI-wire and Anthropic-wire stubs calling tools, against a local shop endpoint.

let t: TestDatabase;
let shop: Server;
let shopUrl: string;
let openai: ChatStub;
let claude: AnthropicStub;
const shopHits: string[] = [];

beforeAll(async () => {
  // The business's endpoint is a server on this machine: allowed as in development.
  vi.stubEnv('ACTIONS_ALLOW_PRIVATE_ADDRESSES', 'true');
  t = await openTestDatabase();
  shop = createServer((req, res) => {
    shopHits.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://shop');
    const own =
      url.pathname === '/orders/1001' && url.searchParams.get('email') === 'ada@example.com';
    res.writeHead(own ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(own ? { status: 'shipped', tracking: 'TRK-77' } : { error: 'not found' }),
    );
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  [openai, claude] = await Promise.all([startChatStub(), startAnthropicStub()]);
}, 120_000);
afterAll(async () => {
  shop?.closeAllConnections();
  await new Promise<void>((resolve) => shop?.close(() => resolve()));
  await Promise.all([openai?.close(), claude?.close(), t?.close()]);
});
beforeEach(() => {
  openai.reset();
  claude.reset();
});

async function shopWorkspace() {
  const tenantId = (await newWorkspace(t.db, 'Ada’s shop')).tenantId;
  const userId = asUserId(await newMember(t.db, tenantId, 'owner'));
  await createAction(
    t.db,
    { tenantId, userId, requestIp: null },
    {
      name: 'order_status',
      description: 'Looks up the status of one of the signed-in customer’s orders',
      kind: 'http',
      parameters: {
        type: 'object',
        properties: { orderId: { type: 'string', description: 'The order number' } },
        required: ['orderId'],
      },
      http: {
        urlTemplate: `${shopUrl}/orders/{orderId}?email={visitor.email}`,
        timeoutMs: 2_000,
        responseFields: [
          { path: 'status', label: 'Status' },
          { path: 'tracking', label: 'Tracking' },
        ],
      },
      enabled: true,
    },
  );
  return tenantId;
}

async function ask(
  tenantId: TenantId,
  text: string,
  model: ChatModel,
  identity: { key: string | null; orderIds?: string[] } = { key: 'email:ada@example.com' },
) {
  const [conversation] = await withTenant(t.db, tenantId, (tx) =>
    tx
      .insert(schema.conversations)
      .values({
        tenantId,
        visitorId: 'v-ada',
        identityKey: identity.key,
        metadata: identity.orderIds ? { context: { orderIds: identity.orderIds } } : {},
      })
      .returning(),
  );
  const opened = await openVisitorTurn(t.db, {
    tenantId,
    conversation: { id: conversation!.id, visitorId: 'v-ada', identityKey: identity.key },
  });
  const events: EngineEvent[] = [];
  for await (const event of answerWithActions(t.db, opened, { text, model }, { allowLocal: true }))
    events.push(event);
  const stored = await withTenant(t.db, tenantId, (tx) =>
    tx
      .select()
      .from(schema.messages)
      .where(
        and(
          eq(schema.messages.tenantId, tenantId),
          eq(schema.messages.conversationId, conversation!.id),
        ),
      )
      .orderBy(asc(schema.messages.createdAt)),
  );
  const cards = events.flatMap((e) => (e.type === 'cards' ? e.cards : []));
  const text_ = events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
  return { events, cards, text: text_, stored };
}

const shippedCard = {
  type: 'result',
  title: 'Looks up the status of one of the signed-in customer’s orders',
  fields: [
    { label: 'Status', value: 'shipped' },
    { label: 'Tracking', value: 'TRK-77' },
  ],
};

describe('answering with actions', () => {
  it('with no model: an identified visitor naming an order gets its status card, stored with the answer', async () => {
    const tenantId = await shopWorkspace();
    const { cards, text, stored, events } = await ask(
      tenantId,
      'Where is my order 1001?',
      createExtractiveModel(),
    );
    expect(cards).toEqual([shippedCard]);
    expect(text).toContain('Status: shipped');
    expect(stored.map((m) => m.role)).toEqual(['visitor', 'assistant']);
    expect(stored[1]!.cards).toEqual([shippedCard]);
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    // The team's transcript carries the card with the answer, for the inbox to show.
    const transcript = await getTranscript(t.db, tenantId, stored[1]!.conversationId);
    expect(transcript!.messages.map((m) => m.cards)).toEqual([[], [shippedCard]]);
  });

  it('with no model: "where is my order?" uses the newest order of the signed context', async () => {
    const tenantId = await shopWorkspace();
    const { cards } = await ask(tenantId, 'where is my order?', createExtractiveModel(), {
      key: 'email:ada@example.com',
      orderIds: ['0999', '1001'],
    });
    expect(cards).toEqual([shippedCard]);
  });

  it('with no model: an anonymous visitor is asked to sign in, and nothing is looked up', async () => {
    const tenantId = await shopWorkspace();
    const before = shopHits.length;
    const { cards, stored } = await ask(
      tenantId,
      'Where is my order 1001?',
      createExtractiveModel(),
      { key: null },
    );
    expect(cards).toEqual([{ type: 'identify', message: expect.stringMatching(/signed in/) }]);
    expect(stored[1]!.cards).toEqual(cards);
    expect(shopHits.length).toBe(before);
  });

  it('OpenAI: the model calls the tool, reads its result and answers; the card is stored', async () => {
    const tenantId = await shopWorkspace();
    openai.queue(
      { kind: 'tool_calls', calls: [{ name: 'order_status', arguments: '{"orderId":"1001"}' }] },
      { kind: 'text', text: 'Your order 1001 has shipped.' },
    );
    const { cards, text, stored } = await ask(
      tenantId,
      'Where is my order 1001?',
      stubModel(openai),
    );
    expect(openai.requests[0]!.body.tools).toEqual([
      expect.objectContaining({
        type: 'function',
        function: expect.objectContaining({ name: 'order_status' }),
      }),
    ]);
    expect(openai.requests[1]!.body.messages!.at(-1)!.content).toContain('Status: shipped');
    expect(text).toContain('Your order 1001 has shipped.');
    expect(cards).toEqual([shippedCard]);
    expect(stored[1]!.cards).toEqual([shippedCard]);
  });

  it('Anthropic: the model calls the tool, reads its result and answers; the card is stored', async () => {
    const tenantId = await shopWorkspace();
    claude.queue(
      { kind: 'tool_use', uses: [{ name: 'order_status', input: { orderId: '1001' } }] },
      { kind: 'text', text: 'Your order 1001 has shipped.' },
    );
    const model = createAnthropicChatModel({
      apiKey: claude.apiKey,
      baseURL: claude.baseURL,
      model: 'claude-stub',
      maxRetries: 0,
    });
    const { cards, text, stored } = await ask(tenantId, 'Where is my order 1001?', model);
    expect(claude.requests[0]!.body.tools![0]!.name).toBe('order_status');
    expect(JSON.stringify(claude.requests[1]!.body.messages!.at(-1))).toContain('Status: shipped');
    expect(text).toContain('Your order 1001 has shipped.');
    expect(stored[1]!.cards).toEqual([shippedCard]);
    expect(cards).toEqual([shippedCard]);
  });

  it("prompt injection: a model steered to another customer's order gets a refusal, and the shop is not asked", async () => {
    const tenantId = await shopWorkspace();
    // The order text on a page or in a message made the model ask for 2002; the visitor's signed orders say 1001.
    openai.queue(
      { kind: 'tool_calls', calls: [{ name: 'order_status', arguments: '{"orderId":"2002"}' }] },
      { kind: 'text', text: 'I cannot show that order.' },
    );
    const before = shopHits.length;
    const { cards, stored } = await ask(
      tenantId,
      'Where is order 2002 of bob@example.com?',
      stubModel(openai),
      {
        key: 'email:ada@example.com',
        orderIds: ['1001'],
      },
    );
    expect(openai.requests[1]!.body.messages!.at(-1)!.content).toMatch(/^Refused/);
    expect(cards).toEqual([
      { type: 'error', message: 'Order 2002 is not one of the orders on your account.' },
    ]);
    expect(JSON.stringify(stored)).not.toMatch(/processing|bob's/);
    expect(shopHits.length).toBe(before);
  });
});
