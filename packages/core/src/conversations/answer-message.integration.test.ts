import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { schema, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createExtractiveModel, type ChatModel, type VisitorContext } from '@replyline/ai';
import {
  collect,
  movingTenant,
  NO_ANSWER_MARKER,
  phrasesFor,
  startChatStub,
  storedMessages,
  stubModel,
  type ChatStub,
  type StubRequest,
} from '@replyline/ai/testing';
import { startConversation } from './conversation-store';
import { newConversation } from './testing/conversations';
import { answerStoredMessage, findRetriedMessage } from './answer-stored-message';
import { answerMessage, openVisitorTurn } from './visitor-turn';
import { visitorTokensToday } from './visitor-usage';

let t: TestDatabase;
let stub: ChatStub;
let tenantId: TenantId;

beforeAll(async () => {
  [t, stub] = await Promise.all([openTestDatabase(), startChatStub()]);
  tenantId = await movingTenant(t);
}, 120_000);
afterAll(async () => {
  await stub?.close();
  await t?.close();
});
beforeEach(() => {
  stub.reset();
  stub.setDefault({ kind: 'text', text: 'Yes, we move pianos [1].' });
});

const en = phrasesFor('en');
const passagesOf = (request: StubRequest) => request.body.messages![1]!.content;

function ask(
  conversationId: string,
  text: string,
  options: {
    model?: ChatModel;
    visitorContext?: VisitorContext;
    dailyTokenLimit?: number;
    modelName?: string;
    signal?: AbortSignal;
  } = {},
) {
  return answerMessage({
    db: t.db,
    tenantId,
    conversationId,
    text,
    model: options.model ?? stubModel(stub),
    ...options,
  });
}

describe('answerMessage with a language model', () => {
  it('streams tokens, then sources, then done; stores exactly what was streamed with its sources and usage', async () => {
    const conversationId = await newConversation(t, tenantId);
    stub.queue({
      kind: 'text',
      text:
        'Yes! Upright pianos are $250 [1], and report damage within 14 days [2]. ' +
        'We are glad to help with the move. '.repeat(4),
    });
    const result = await collect(
      ask(conversationId, 'Do you move pianos, and how long do I have to report damage?'),
    );

    expect(result.order).toEqual(['token', 'sources', 'done']);
    // The stub sends its whole answer at once; after the first words the guard passes it on
    // in batches, so a few token events carry it.
    expect(result.tokens.length).toBeGreaterThan(1);
    const [visitor, assistant] = await storedMessages(t, tenantId, conversationId);
    expect(visitor).toMatchObject({
      role: 'visitor',
      content: 'Do you move pianos, and how long do I have to report damage?',
    });
    expect(assistant!.content).toBe(result.text.trim());
    expect(result.done).toMatchObject({
      messageId: expect.any(String),
      escalationSuggested: false,
      reason: null,
      language: 'en',
    });
    expect(result.done!.usage).toEqual({
      inputTokens: expect.any(Number),
      outputTokens: expect.any(Number),
      model: 'gpt-stub',
    });
    expect(result.done!.usage.inputTokens).toBeGreaterThan(100);
    expect(assistant!.usage).toEqual(result.done!.usage);

    // Citations map back to the passages the model was given: [1] and [2] by the ids in the prompt.
    const prompt = passagesOf(stub.requests[0]!);
    const titleOf = (id: number) =>
      prompt.match(new RegExp(`<passage id="${id}" source="([^",]+)`))![1];
    expect(result.sources!.map((s) => s.title)).toEqual([titleOf(1), titleOf(2)]);
    expect(result.sources!.map((s) => s.title).sort()).toEqual([
      'Do you move pianos?',
      'Terms and damage policy',
    ]);
    expect(assistant!.sources).toEqual(result.sources);
  });

  it('remembers the conversation within a token budget, and uses the visitor context', async () => {
    const conversationId = (
      await startConversation(t.db, tenantId, {
        visitorId: `v-${randomUUID()}`,
        context: { name: 'Anna Berg', orderIds: ['ORD-1001'] },
      })
    ).conversationId;
    await collect(ask(conversationId, 'Do you move pianos?'));
    stub.queue({ kind: 'text', text: 'Grand pianos are $450 [1].' });
    await collect(ask(conversationId, 'And grand ones?'));
    const second = stub.requests.at(-1)!.body.messages!;
    expect(second.slice(2).map((m) => [m.role, m.content])).toEqual([
      ['user', 'Do you move pianos?'],
      ['assistant', 'Yes, we move pianos [1].'],
      ['user', 'And grand ones?'],
    ]);
    expect(passagesOf(stub.requests.at(-1)!)).toContain('name: Anna Berg\norder ids: ORD-1001');
    expect(passagesOf(stub.requests.at(-1)!)).toContain('grand pianos $450');

    for (let i = 0; i < 12; i++)
      await collect(
        ask(conversationId, `Do you move pianos? ${'Please tell me more about it. '.repeat(20)}`),
      );
    // 28 turns were stored; the model sees the latest ones that fit the budget, oldest first.
    const history = stub.requests.at(-1)!.body.messages!.slice(2, -1);
    expect(history.length).toBeGreaterThan(4);
    expect(history.length).toBeLessThan(26);
    expect(history.map((m) => m.content).join('').length / 4).toBeLessThanOrEqual(1_500);
    expect(history.some((m) => m.content === 'And grand ones?')).toBe(false);
    expect(history.at(-1)).toEqual({ role: 'assistant', content: 'Yes, we move pianos [1].' });
  });

  it('answers in the customer’s language and uses the tenant’s model', async () => {
    const conversationId = await newConversation(t, tenantId);
    stub.queue({ kind: 'text', text: 'Ja, vi flyttar pianon för $250 [1].' });
    const result = await collect(
      ask(conversationId, 'Hur mycket kostar det att flytta ett piano (piano move cost)?', {
        modelName: 'tenant-model',
      }),
    );
    expect(result.done?.language).toBe('sv');
    expect(stub.requests[0]!.body.model).toBe('tenant-model');
    expect(stub.requests[0]!.body.messages![0]!.content).toContain('Answer in Swedish');
  });

  it('uses the model the tenant picked (tenants.ai_model) when the call names none', async () => {
    await t.db
      .update(schema.tenants)
      .set({ aiModel: 'tenant-own-model' })
      .where(eq(schema.tenants.id, tenantId));
    const conversationId = await newConversation(t, tenantId);
    stub.queue({ kind: 'text', text: 'Yes, we move pianos [1].' });
    await collect(ask(conversationId, 'Do you move pianos?'));
    await t.db.update(schema.tenants).set({ aiModel: null }).where(eq(schema.tenants.id, tenantId));
    expect(stub.requests.at(-1)!.body.model).toBe('tenant-own-model');
  });

  it('replaces a model’s "no answer" with its own, and suggests a person; twice in a row is repeated failure', async () => {
    const conversationId = await newConversation(t, tenantId);
    stub.queue(
      { kind: 'text', text: NO_ANSWER_MARKER },
      { kind: 'text', text: ` ${NO_ANSWER_MARKER}` },
    );
    const first = await collect(ask(conversationId, 'Do you move pianos on Sundays?'));
    expect(first.text.trim()).toBe(en.dontKnow);
    expect(first.done).toMatchObject({ escalationSuggested: true, reason: 'low_confidence' });
    expect(first.done!.tags).toContain('unanswered');
    expect(first.sources).toEqual([]);
    const second = await collect(ask(conversationId, 'Do you move grand pianos on Sundays?'));
    expect(second.done).toMatchObject({ escalationSuggested: true, reason: 'repeated_failure' });
    expect((await storedMessages(t, tenantId, conversationId)).at(-1)!.content).toBe(en.dontKnow);
  });

  it('says it does not know, without calling the model, when nothing relevant is found', async () => {
    const conversationId = await newConversation(t, tenantId);
    const result = await collect(ask(conversationId, 'What is the capital of France?'));
    expect(stub.requests).toHaveLength(0);
    expect(result.text).toBe(en.dontKnow);
    expect(result.done).toMatchObject({
      escalationSuggested: true,
      reason: 'low_confidence',
      usage: { model: 'none' },
    });
  });

  it('hands over to a person when asked, in the customer’s language, without calling the model', async () => {
    const conversationId = await newConversation(t, tenantId);
    const result = await collect(ask(conversationId, 'Jag vill prata med en människa'));
    expect(stub.requests).toHaveLength(0);
    expect(result.text).toBe(phrasesFor('sv').humanHandoff);
    expect(result.done).toMatchObject({
      escalationSuggested: true,
      reason: 'human_requested',
      language: 'sv',
    });
    expect(result.done!.tags).toContain('human_requested');
  });

  it('answers an upset customer and suggests a person', async () => {
    const conversationId = await newConversation(t, tenantId);
    const result = await collect(
      ask(conversationId, 'This is ridiculous, do you move pianos or not??'),
    );
    expect(result.text).toContain('Yes, we move pianos');
    expect(result.done).toMatchObject({ escalationSuggested: true, reason: 'negative_sentiment' });
    expect(result.done!.tags).toContain('upset');
  });

  it('refuses a refused topic and greets, without calling the model', async () => {
    const conversationId = await newConversation(t, tenantId);
    const refusal = await collect(
      ask(conversationId, 'Can you give me legal advice about my lease?'),
    );
    expect(refusal.text).toBe(en.refusedTopic('legal advice'));
    const hello = await collect(ask(conversationId, 'Hello!'));
    expect(hello.text).toBe("Hi! I'm Maja. What can I help you with?");
    const known = await collect(
      ask(conversationId, 'Hi there', { visitorContext: { name: 'Anna Berg' } }),
    );
    expect(known.text).toBe("Hi Anna! I'm Maja. What can I help you with?");
    expect(stub.requests).toHaveLength(0);
  });

  it('answers extractively once the visitor used up the day’s tokens', async () => {
    const visitorId = `v-${randomUUID()}`;
    const conversationId = await newConversation(t, tenantId, visitorId);
    const first = await collect(
      ask(conversationId, 'Do you move pianos?', { dailyTokenLimit: 50 }),
    );
    expect(first.done!.usage.model).toBe('gpt-stub');
    // A turn counts the tokens of the conversation's visitor, counted with the turn's reads, also
    // when the token names another browser's visitor id (a signed user resuming elsewhere).
    const used = await visitorTokensToday(t.db, tenantId, visitorId);
    expect(used).toBeGreaterThan(0);
    for (const caller of [visitorId, `v-${randomUUID()}`]) {
      const turn = await openVisitorTurn(t.db, {
        tenantId,
        conversation: { id: conversationId, visitorId: caller, identityKey: null },
        countTokensToday: true,
      });
      expect(turn.tokensToday).toBe(used);
    }
    const second = await collect(
      ask(conversationId, 'Do you move pianos?', { dailyTokenLimit: 50 }),
    );
    expect(stub.requests).toHaveLength(1);
    expect(second.done!.usage.model).toBe('extractive');
    expect(second.done!.tags).toContain('daily_limit');
    expect(second.text).toContain('Upright pianos are $250');
  });

  it('rejects an empty message and an unknown conversation', async () => {
    expect((await collect(ask(await newConversation(t, tenantId), ' \u200B '))).error).toBe(
      'The message is empty.',
    );
    expect((await collect(ask(randomUUID(), 'Hi'))).error).toBe(
      'This conversation does not exist.',
    );
  });
});

describe('answerMessage when the model fails', () => {
  it('falls back to the extractive answer when the provider is down after its retries', async () => {
    const conversationId = await newConversation(t, tenantId);
    stub.queue({ kind: 'error', status: 500 }, { kind: 'error', status: 503 });
    const result = await collect(ask(conversationId, 'Do you move pianos?'));
    expect(stub.requests).toHaveLength(2);
    // The FAQ entry's answer, quoted as written.
    expect(result.text).toBe(
      'Yes. Upright pianos are $250 and grand pianos $450 within the city. Gun safes need a site visit first. [1]',
    );
    expect(result.done!.tags).toContain('fallback');
    expect(result.done!.usage).toMatchObject({
      model: 'extractive',
      characters: result.text.length,
    });
    expect(result.sources!.map((s) => s.title)).toEqual(['Do you move pianos?']);
  });

  it('falls back when the provider times out, and when it is rate limited past its retries', async () => {
    const conversationId = await newConversation(t, tenantId);
    stub.queue({ kind: 'hang' }, { kind: 'hang' });
    const timedOut = await collect(
      ask(conversationId, 'Do you move pianos?', { model: stubModel(stub, { timeoutMs: 200 }) }),
    );
    expect(timedOut.done!.tags).toContain('fallback');
    stub.queue(
      ...[1, 2].map(() => ({
        kind: 'error' as const,
        status: 429,
        headers: { 'retry-after-ms': '10' },
      })),
    );
    const limited = await collect(ask(conversationId, 'Do you move pianos?'));
    expect(limited.done!.tags).toContain('fallback');
  });

  it('falls back when the stream breaks before anything was shown', async () => {
    const conversationId = await newConversation(t, tenantId);
    // One unfinished word: the guard shows words only once they end, so nothing was shown.
    stub.queue({ kind: 'drop', text: 'Yes,' });
    const result = await collect(ask(conversationId, 'Do you move pianos?'));
    expect(result.text).toContain('Upright pianos are $250');
    expect(result.done!.tags).toContain('fallback');
  });

  it('reports an error and stores no answer when the stream breaks after part of it was shown', async () => {
    const conversationId = await newConversation(t, tenantId);
    stub.queue({ kind: 'drop', text: 'Yes, we move pianos. '.repeat(20) });
    const result = await collect(ask(conversationId, 'Do you move pianos?'));
    expect(result.tokens.length).toBeGreaterThan(0);
    expect(result.error).toMatch(/^The answer could not be completed/);
    expect(result.done).toBeNull();
    expect((await storedMessages(t, tenantId, conversationId)).map((m) => m.role)).toEqual([
      'visitor',
    ]);
  });

  it('stores nothing when the customer leaves mid-answer', async () => {
    const conversationId = await newConversation(t, tenantId);
    stub.queue({ kind: 'endless', text: 'Yes, we move pianos. ' });
    let tokens = 0;
    for await (const event of ask(conversationId, 'Do you move pianos?'))
      if (event.type === 'token' && ++tokens === 3) break;
    await expect.poll(() => stub.clientDisconnects()).toBeGreaterThan(0);

    const controller = new AbortController();
    stub.queue({ kind: 'endless', text: 'Yes, we move pianos. ' });
    const aborted = ask(conversationId, 'Do you move pianos?', { signal: controller.signal });
    const events = [];
    for await (const event of aborted) {
      events.push(event);
      if (events.length === 2) controller.abort();
    }
    expect(events.some((e) => e.type === 'done' || e.type === 'sources')).toBe(false);
    expect((await storedMessages(t, tenantId, conversationId)).map((m) => m.role)).toEqual([
      'visitor',
      'visitor',
    ]);
  });
});

describe('answerStoredMessage (the widget asks again after a broken answer)', () => {
  it('answers the stored question without storing it twice, then finds that answer', async () => {
    const conversationId = await newConversation(t, tenantId);
    stub.queue({ kind: 'endless', text: 'Yes, we move pianos. ' });
    let questionId = '';
    const first = answerMessage({
      db: t.db,
      tenantId,
      conversationId,
      text: 'Do you move pianos?',
      model: stubModel(stub),
      onVisitorMessage: ({ messageId }) => (questionId = messageId),
    });
    for await (const event of first) if (event.type === 'token') break;
    const retried = await findRetriedMessage(t.db, tenantId, conversationId, questionId);
    expect(retried).toMatchObject({ content: 'Do you move pianos?', answer: null });

    const result = await collect(
      answerStoredMessage(t.db, tenantId, conversationId, retried!.content, {
        model: stubModel(stub),
      }),
    );
    expect(result.order).toEqual(['token', 'sources', 'done']);
    const stored = await storedMessages(t, tenantId, conversationId);
    expect(stored.map((m) => m.role)).toEqual(['visitor', 'assistant']);
    expect(stored[1]!.content).toBe(result.text.trim());
    expect(stored[1]!.sources).toEqual(result.sources);
    const again = await findRetriedMessage(t.db, tenantId, conversationId, questionId);
    expect(again!.answer).toMatchObject({
      id: result.done!.messageId,
      content: stored[1]!.content,
    });
  });
});

describe('answerMessage with the extractive answerer', () => {
  it('answers from the best passage, cites it, and sends no request anywhere', async () => {
    const conversationId = await newConversation(t, tenantId);
    const result = await collect(
      ask(conversationId, 'How long do I have to report damage?', {
        model: createExtractiveModel(),
      }),
    );
    expect(result.text).toBe(
      'Damage must be reported within 14 days of delivery, in writing, with photos. [1]',
    );
    expect(result.sources).toMatchObject([
      { title: 'Terms and damage policy', heading: 'Damage claims' },
    ]);
    expect(stub.requests).toHaveLength(0);
  });
});
