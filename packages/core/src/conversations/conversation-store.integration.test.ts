import { schema, withTenant } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendVisitorMessage,
  loadTurnContext,
  startConversation,
  storeAssistantMessage,
} from './conversation-store';
import { visitorTokensToday } from './visitor-usage';
import { newTenant, storedMessages } from '@replyline/ai/testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(() => t?.close());

const usage = (inputTokens: number, outputTokens: number) => ({
  inputTokens,
  outputTokens,
  model: 'gpt-stub',
});

describe('conversation store', () => {
  it('resumes a visitor’s open conversation and starts a new one after it is resolved', async () => {
    const tenantId = await newTenant(t);
    // A visitor context comes only from a signed identity, so it goes with an identity key.
    const first = await startConversation(t.db, tenantId, {
      visitorId: 'v1',
      identityKey: 'user:anna',
      context: { name: 'Anna' },
    });
    const again = await startConversation(t.db, tenantId, {
      visitorId: 'v1',
      identityKey: 'user:anna',
      context: { name: 'Anna', plan: 'pro' },
    });
    expect(first.resumed).toBe(false);
    expect(again).toEqual({ conversationId: first.conversationId, resumed: true });
    expect((await loadTurnContext(t.db, tenantId, first.conversationId))?.visitorContext).toEqual({
      name: 'Anna',
      plan: 'pro',
    });

    await withTenant(t.db, tenantId, (tx) =>
      tx
        .update(schema.conversations)
        .set({ status: 'resolved' })
        // Filtered by tenant like the product's updates: on Citus it then goes to one shard.
        .where(
          and(
            eq(schema.conversations.tenantId, tenantId),
            eq(schema.conversations.id, first.conversationId),
          ),
        ),
    );
    const later = await startConversation(t.db, tenantId, {
      visitorId: 'v1',
      identityKey: 'user:anna',
    });
    expect(later.resumed).toBe(false);
    expect(later.conversationId).not.toBe(first.conversationId);
  });

  it('never resumes an identified conversation for its visitor id alone, older rows included', async () => {
    const tenantId = await newTenant(t);
    const signed = await startConversation(t.db, tenantId, {
      visitorId: 'shared',
      identityKey: 'user:kari',
      context: { userId: 'kari' },
    });
    // Stored before conversations had identity keys: the signed context is all that tells.
    const [older] = await withTenant(t.db, tenantId, (tx) =>
      tx
        .insert(schema.conversations)
        .values({ tenantId, visitorId: 'older', metadata: { context: { userId: 'per' } } })
        .returning({ id: schema.conversations.id }),
    );
    const anonymous = await startConversation(t.db, tenantId, { visitorId: 'shared' });
    const anonymousOlder = await startConversation(t.db, tenantId, { visitorId: 'older' });
    expect(anonymous.resumed).toBe(false);
    expect(anonymous.conversationId).not.toBe(signed.conversationId);
    expect(anonymousOlder.resumed).toBe(false);
    expect(anonymousOlder.conversationId).not.toBe(older!.id);
    const other = await startConversation(t.db, tenantId, {
      visitorId: 'shared',
      identityKey: 'user:ola',
    });
    expect(other.resumed).toBe(false);
    const same = await startConversation(t.db, tenantId, {
      visitorId: 'another-browser',
      identityKey: 'user:kari',
    });
    expect(same).toEqual({ conversationId: signed.conversationId, resumed: true });
  });

  it('keeps turns in order with tags, sources and usage; records a suggested escalation with the answer', async () => {
    const tenantId = await newTenant(t, {
      language: 'swedish',
      persona: { assistantName: 'Maja', tone: 'warm', refusedTopics: [] },
    });
    const { conversationId } = await startConversation(t.db, tenantId, { visitorId: 'v2' });
    await appendVisitorMessage(t.db, tenantId, conversationId, {
      content: 'Vad kostar det?',
      tags: ['pricing'],
      language: 'sv',
    });
    const source = {
      chunkId: 'c',
      documentId: 'd',
      title: 'Prislista',
      page: 2,
      heading: null,
      score: 1.5,
    };
    const { messageId } = await storeAssistantMessage(t.db, tenantId, conversationId, {
      content: 'Det kostar 500 kr [1].',
      sources: [source],
      tags: ['pricing'],
      usage: usage(100, 20),
      escalation: 'negative_sentiment',
    });

    const context = await loadTurnContext(t.db, tenantId, conversationId);
    expect(context).toMatchObject({
      tenant: { language: 'swedish', persona: { assistantName: 'Maja' } },
      visitorId: 'v2',
      turns: [
        { role: 'visitor', content: 'Vad kostar det?', tags: ['pricing'] },
        { role: 'assistant', content: 'Det kostar 500 kr [1].', tags: ['pricing'] },
      ],
    });
    expect((await storedMessages(t, tenantId, conversationId))[1]).toMatchObject({
      sources: [source],
      usage: usage(100, 20),
    });
    const escalations = await withTenant(t.db, tenantId, (tx) =>
      tx
        .select({ type: schema.events.type, data: schema.events.data })
        .from(schema.events)
        .where(eq(schema.events.conversationId, conversationId)),
    );
    expect(escalations).toEqual([
      { type: 'escalation_suggested', data: { reason: 'negative_sentiment', messageId } },
    ]);
    const [conversation] = await withTenant(t.db, tenantId, (tx) =>
      tx
        .select({ language: schema.conversations.language })
        .from(schema.conversations)
        .where(eq(schema.conversations.id, conversationId)),
    );
    expect(conversation?.language).toBe('sv');
  });

  it('stores an answer all or nothing', async () => {
    const tenantId = await newTenant(t);
    const { conversationId } = await startConversation(t.db, tenantId, { visitorId: 'v3' });
    // A conversation id of another tenant cannot be written to: the whole store fails, nothing is left.
    const other = await newTenant(t);
    const { conversationId: foreign } = await startConversation(t.db, other, { visitorId: 'v3' });
    await expect(
      storeAssistantMessage(t.db, tenantId, foreign, {
        content: 'x',
        sources: [],
        tags: [],
        usage: usage(1, 1),
        escalation: 'low_confidence',
      }),
    ).rejects.toThrow();
    expect(await storedMessages(t, tenantId, conversationId)).toEqual([]);
    const events = await withTenant(t.db, tenantId, (tx) => tx.select().from(schema.events));
    expect(events).toEqual([]);
  });

  it('counts a visitor’s model tokens today across conversations, and nobody else’s', async () => {
    const tenantId = await newTenant(t);
    const a1 = (await startConversation(t.db, tenantId, { visitorId: 'alice' })).conversationId;
    await withTenant(t.db, tenantId, (tx) =>
      tx
        .update(schema.conversations)
        .set({ status: 'escalated' })
        .where(and(eq(schema.conversations.tenantId, tenantId), eq(schema.conversations.id, a1))),
    );
    const store = (
      conversationId: string,
      u:
        | ReturnType<typeof usage>
        | { inputTokens: 0; outputTokens: 0; characters: number; model: string },
    ) =>
      storeAssistantMessage(t.db, tenantId, conversationId, {
        content: 'x',
        sources: [],
        tags: [],
        usage: u,
        escalation: null,
      });
    await store(a1, usage(100, 50));
    const a2 = (await startConversation(t.db, tenantId, { visitorId: 'alice' })).conversationId;
    await store(a2, usage(30, 20));
    await store(a2, { inputTokens: 0, outputTokens: 0, characters: 900, model: 'extractive' });
    const bob = (await startConversation(t.db, tenantId, { visitorId: 'bob' })).conversationId;
    await store(bob, usage(1000, 1000));
    // An answer from yesterday does not count today.
    const { messageId } = await store(a2, usage(5000, 5000));
    await withTenant(t.db, tenantId, (tx) =>
      tx
        .update(schema.messages)
        .set({ createdAt: sql`now() - interval '1 day'` })
        .where(and(eq(schema.messages.tenantId, tenantId), eq(schema.messages.id, messageId))),
    );

    expect(await visitorTokensToday(t.db, tenantId, 'alice')).toBe(200);
    expect(await visitorTokensToday(t.db, tenantId, 'bob')).toBe(2000);
    expect(await visitorTokensToday(t.db, await newTenant(t), 'alice')).toBe(0);
  });
});
