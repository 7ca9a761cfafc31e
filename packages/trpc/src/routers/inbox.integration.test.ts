import { getConversationState, listMessages } from '@replyline/core';
import {
  listenConversationSignals,
  schema,
  type ConversationSignal,
  type TenantId,
} from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, callerWith, recordingEnqueue } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';
import { ago, seedConversation } from '../testing/seed-conversations';

let t: TestDatabase;
let home: TenantId;
let agentId: string;
let inbox: ReturnType<typeof callerWith>['inbox'];

beforeAll(async () => {
  t = await openTestDatabase();
  home = (await newWorkspace(t.db, 'Inbox Home')).tenantId;
  // Taking over and replying are live hand-off, a Pro feature (plan-features.integration.test.ts).
  await t.db.update(schema.tenants).set({ plan: 'pro' }).where(eq(schema.tenants.id, home));
  agentId = await newMember(t.db, home, 'agent');
  inbox = callerWith(t.db, agentId, home, { enqueue: recordingEnqueue().enqueue }).inbox;
}, 120_000);
afterAll(async () => t?.close());

const source = {
  n: 1,
  chunkId: '00000000-0000-4000-8000-000000000001',
  documentId: '00000000-0000-4000-8000-000000000002',
  title: 'Terms',
  page: 3,
  heading: 'Damage',
  score: 0.8,
};

describe('inbox list', () => {
  it('filters by status, escalation, rating, language and date, newest activity first', async () => {
    const w = (await newWorkspace(t.db, 'Filters')).tenantId;
    const agent = await newMember(t.db, w, 'agent');
    const seed = (input: Parameters<typeof seedConversation>[2]) =>
      seedConversation(t.db, w, input);
    const swedishUnhappy = await seed({
      language: 'sv',
      rating: 2,
      status: 'resolved',
      escalated: true,
      createdAt: ago(3),
      messages: [
        { role: 'visitor', content: 'Det här fungerar inte!', tags: ['upset'] },
        { role: 'note', content: 'Internal: refund him' },
      ],
    });
    const englishHappy = await seed({
      language: 'en',
      rating: 5,
      createdAt: ago(1),
      messages: [
        { role: 'visitor', content: 'What does a move cost?', tags: ['pricing'] },
        { role: 'assistant', content: 'From 99 EUR [1].', sources: [source] },
      ],
    });
    const old = await seed({ language: 'en', createdAt: ago(40) });
    const list = (filter: Parameters<typeof inbox.list>[0]) =>
      callerWith(t.db, agent, w)
        .inbox.list(filter)
        .then((r) => r.conversations.map((c) => c.id));

    expect(await list({})).toEqual([englishHappy, swedishUnhappy, old]);
    expect(await list({ status: 'resolved' })).toEqual([swedishUnhappy]);
    expect(await list({ escalated: true })).toEqual([swedishUnhappy]);
    expect(await list({ escalated: false })).toEqual([englishHappy, old]);
    expect(await list({ rating: { max: 2 } })).toEqual([swedishUnhappy]);
    expect(await list({ rating: { min: 4 } })).toEqual([englishHappy]);
    expect(await list({ language: 'sv' })).toEqual([swedishUnhappy]);
    expect(await list({ from: ago(30) })).toEqual([englishHappy, swedishUnhappy]);
    expect(await list({ from: ago(30), to: ago(2) })).toEqual([swedishUnhappy]);

    const rows = (await callerWith(t.db, agent, w).inbox.list({})).conversations;
    const unhappy = rows.find((r) => r.id === swedishUnhappy)!;
    // The preview is the last thing the customer or the team said, never the internal note.
    expect(unhappy.lastMessage).toEqual({ role: 'visitor', content: 'Det här fungerar inte!' });
    expect(unhappy).toMatchObject({ tags: ['upset'], rating: 2, escalated: true });
    expect(rows.find((r) => r.id === englishHappy)!.lastMessage?.role).toBe('assistant');
  });

  it('pages with a cursor without skipping or repeating conversations', async () => {
    const w = (await newWorkspace(t.db, 'Pages')).tenantId;
    const agent = await newMember(t.db, w, 'agent');
    const same = ago(1);
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++)
      ids.add(await seedConversation(t.db, w, { createdAt: i < 4 ? same : ago(2 + i) }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await callerWith(t.db, agent, w).inbox.list({ limit: 3, cursor });
      seen.push(...page.conversations.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(ids);
    await expect(
      callerWith(t.db, agent, w).inbox.list({ cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lists what changed since a moment, for a live inbox', async () => {
    const w = (await newWorkspace(t.db, 'Live')).tenantId;
    const agent = await newMember(t.db, w, 'agent');
    const quiet = await seedConversation(t.db, w, { createdAt: ago(2) });
    const busy = await seedConversation(t.db, w, { createdAt: ago(2) });
    const caller = callerWith(t.db, agent, w).inbox;
    const { syncedAt } = await caller.list({});
    const first = await caller.changesSince({ since: new Date(syncedAt) });
    expect(first.conversations).toEqual([]);

    await caller.resolve({ conversationId: busy });
    const next = await caller.changesSince({ since: new Date(first.cursor) });
    expect(next.conversations.map((c) => c.id)).toEqual([busy]);
    expect(next.conversations[0]).toMatchObject({ status: 'resolved' });
    expect(next.conversations.map((c) => c.id)).not.toContain(quiet);
  });
});

describe('a conversation', () => {
  it('shows the whole transcript to the team: notes, sources, tags, feedback', async () => {
    const conversationId = await seedConversation(t.db, home, {
      createdAt: ago(0, 10),
      messages: [
        { role: 'visitor', content: 'Is damage covered?', tags: ['refund', 'upset'] },
        {
          role: 'assistant',
          content: 'Yes, up to 10 000 EUR [1].',
          sources: [source],
          feedback: 1,
        },
      ],
    });
    await inbox.addNote({ conversationId, content: 'Check his contract' });
    const { conversation, messages } = await inbox.transcript({ conversationId });
    expect(conversation.id).toBe(conversationId);
    expect(messages.map((m) => m.role)).toEqual(['visitor', 'assistant', 'note']);
    // Topic words of another business (refund) stay out; the tenant's topics are what it cited.
    expect(messages[0]!.tags).toEqual(['upset']);
    expect(conversation).toMatchObject({ tags: ['upset'], topics: ['Terms'] });
    expect(messages[1]).toMatchObject({ sources: [source], feedback: 1 });
    expect(messages[2]).toMatchObject({ content: 'Check his contract', authorName: 'A agent' });
  });

  it('keeps internal notes from the customer', async () => {
    const conversationId = await seedConversation(t.db, home, {
      messages: [{ role: 'visitor', content: 'Hello?' }],
    });
    await inbox.addNote({ conversationId, content: 'VIP customer, be nice' });
    const seen = await listMessages(t.db, home, conversationId);
    expect(seen.map((m) => m.content)).toEqual(['Hello?']);
  });

  it('takes over (the bot pauses, the agent is assigned) and hands back', async () => {
    const conversationId = await seedConversation(t.db, home);
    await inbox.takeOver({ conversationId });
    expect(await getConversationState(t.db, home, conversationId)).toMatchObject({
      botPaused: true,
    });
    const { conversation } = await inbox.transcript({ conversationId });
    expect(conversation.assignedUserId).toBe(agentId);
    await inbox.handBack({ conversationId });
    expect(await getConversationState(t.db, home, conversationId)).toMatchObject({
      botPaused: false,
    });
  });

  it('sends an agent reply that reaches the widget live and pauses the bot', async () => {
    const conversationId = await seedConversation(t.db, home);
    const signals: ConversationSignal[] = [];
    const listener = await listenConversationSignals(t.queueTarget, (s) => signals.push(s));
    try {
      const { messageId } = await inbox.reply({ conversationId, content: 'Hi, Sara here.' });
      await expect
        .poll(() => signals.find((s) => s.kind === 'message' && s.id === messageId), {
          timeout: 5_000,
        })
        .toMatchObject({ tenantId: home, conversationId });
      const [message] = await listMessages(t.db, home, conversationId, [messageId]);
      expect(message).toMatchObject({ role: 'agent', content: 'Hi, Sara here.' });
      expect((await getConversationState(t.db, home, conversationId))?.botPaused).toBe(true);
    } finally {
      await listener.close();
    }
  });

  it('resolves and reopens', async () => {
    const conversationId = await seedConversation(t.db, home);
    await inbox.takeOver({ conversationId });
    await inbox.resolve({ conversationId });
    // Resolving hands the conversation back: a customer who writes again is answered.
    expect(await getConversationState(t.db, home, conversationId)).toMatchObject({
      status: 'resolved',
      botPaused: false,
    });
    await inbox.reopen({ conversationId });
    expect((await getConversationState(t.db, home, conversationId))?.status).toBe('open');
    const { events } = await inbox.transcript({ conversationId });
    expect(events.map((e) => e.type)).toEqual(['conversation_resolved', 'conversation_reopened']);
  });

  it('answers "not found" for a conversation of another workspace', async () => {
    const other = (await newWorkspace(t.db, 'Other')).tenantId;
    const theirs = await seedConversation(t.db, other, {
      messages: [{ role: 'visitor', content: 'private' }],
    });
    for (const call of [
      () => inbox.transcript({ conversationId: theirs }),
      () => inbox.takeOver({ conversationId: theirs }),
      () => inbox.reply({ conversationId: theirs, content: 'hi' }),
      () => inbox.handBack({ conversationId: theirs }),
      () => inbox.addNote({ conversationId: theirs, content: 'x' }),
      () => inbox.resolve({ conversationId: theirs }),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const exported = await inbox.export({ ids: [theirs], format: 'json' });
    expect(exported.conversationCount).toBe(0);
    expect((await getConversationState(t.db, other, theirs))?.botPaused).toBe(false);
  });
});

describe('export', () => {
  it('writes CSV a spreadsheet cannot be tricked by, one row per message', async () => {
    const conversationId = await seedConversation(t.db, home, {
      customerEmail: 'eve@example.com',
      messages: [
        { role: 'visitor', content: '=HYPERLINK("http://evil.example","Click")' },
        { role: 'assistant', content: 'Line one,\nline "two"', sources: [source] },
        { role: 'note', content: '@team internal' },
      ],
    });
    const file = await inbox.export({ ids: [conversationId], format: 'csv' });
    expect(file).toMatchObject({ contentType: 'text/csv; charset=utf-8', conversationCount: 1 });
    expect(file.filename).toMatch(/^conversation-.*\.csv$/);
    const lines = file.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toContain('"conversation_id","conversation_status"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(lines[2]).toContain('"Line one,\nline ""two"""');
    expect(lines[2]).toContain('"Terms p.3"');
    expect(file.body).not.toContain('@team internal');
    expect(lines).toHaveLength(4); // header, two messages, and the final line break

    const withNotes = await inbox.export({
      ids: [conversationId],
      format: 'csv',
      includeNotes: true,
    });
    expect(withNotes.body).toContain(`"'@team internal"`);
  });

  it('writes JSON of many conversations chosen by a filter, and audits the export', async () => {
    const w = (await newWorkspace(t.db, 'Export')).tenantId;
    const agent = await newMember(t.db, w, 'agent');
    const a = await seedConversation(t.db, w, {
      language: 'da',
      messages: [{ role: 'visitor', content: 'Hej' }],
    });
    const b = await seedConversation(t.db, w, {
      language: 'da',
      messages: [{ role: 'visitor', content: 'Tak' }],
    });
    await seedConversation(t.db, w, { language: 'de' });
    const file = await callerWith(t.db, agent, w).inbox.export({
      filter: { language: 'da' },
      format: 'json',
    });
    const parsed = JSON.parse(file.body) as {
      conversations: { id: string; messages: { content: string }[] }[];
    };
    expect(parsed.conversations.map((c) => c.id).sort()).toEqual([a, b].sort());
    expect(parsed.conversations.flatMap((c) => c.messages.map((m) => m.content)).sort()).toEqual([
      'Hej',
      'Tak',
    ]);
    const [entry] = await auditEntries(t.db, w);
    expect(entry).toMatchObject({
      action: 'conversations.exported',
      actorUserId: agent,
      ipAddress: '203.0.113.7',
      details: { format: 'json', count: 2 },
    });
  });

  it('asks what to export', async () => {
    await expect(inbox.export({ format: 'csv' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('working as a team', () => {
  it('shows Mine, Unassigned and All, and transfers a conversation to a named agent', async () => {
    const w = (await newWorkspace(t.db, 'Team inbox')).tenantId;
    await t.db.update(schema.tenants).set({ plan: 'pro' }).where(eq(schema.tenants.id, w));
    const ann = await newMember(t.db, w, 'agent');
    const bob = await newMember(t.db, w, 'agent');
    const outsider = await newMember(t.db, home, 'agent');
    const asAnn = callerWith(t.db, ann, w).inbox;
    const asBob = callerWith(t.db, bob, w).inbox;
    const mine = await seedConversation(t.db, w, { createdAt: ago(0, 5) });
    const nobodys = await seedConversation(t.db, w, { createdAt: ago(0, 4) });
    await asAnn.takeOver({ conversationId: mine });
    const ids = (caller: typeof asAnn, assigned?: 'mine' | 'unassigned') =>
      caller.list({ assigned }).then((r) => r.conversations.map((c) => c.id));

    expect(await ids(asAnn, 'mine')).toEqual([mine]);
    expect(await ids(asAnn, 'unassigned')).toEqual([nobodys]);
    expect(await ids(asAnn)).toEqual([nobodys, mine]);
    expect(await ids(asBob, 'mine')).toEqual([]);

    const signals: ConversationSignal[] = [];
    const listener = await listenConversationSignals(t.queueTarget, (s) => signals.push(s));
    expect(await asAnn.assign({ conversationId: mine, assigneeUserId: bob })).toEqual({
      assigneeName: 'A agent',
    });
    await expect.poll(() => signals.some((s) => s.conversationId === mine)).toBe(true);
    await listener.close();
    expect(await ids(asBob, 'mine')).toEqual([mine]);
    expect(await ids(asAnn, 'mine')).toEqual([]);
    // A transfer keeps the bot quiet: the customer stays with people.
    expect(await getConversationState(t.db, w, mine)).toMatchObject({ botPaused: true });
    const { events } = await asBob.transcript({ conversationId: mine });
    expect(events.at(-1)).toMatchObject({
      type: 'conversation_assigned',
      data: { fromUserId: ann, toUserId: bob, byUserId: ann },
    });

    await expect(
      asAnn.assign({ conversationId: mine, assigneeUserId: outsider }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Choose a member of this workspace to assign it to.',
    });
    await expect(
      asAnn.assign({ conversationId: nobodys, assigneeUserId: 'not-an-id' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await asBob.assign({ conversationId: mine, assigneeUserId: null });
    expect(await ids(asBob, 'unassigned')).toEqual([nobodys, mine]);
  });

  it('searches messages, names and emails, and shows the visitor with past conversations', async () => {
    const w = (await newWorkspace(t.db, 'Search')).tenantId;
    const agent = await newMember(t.db, w, 'agent');
    const asAgent = callerWith(t.db, agent, w).inbox;
    const earlier = await seedConversation(t.db, w, {
      visitorId: 'v_returning',
      createdAt: ago(3),
      messages: [{ role: 'visitor', content: 'Is The Buried Moon free to read?' }],
    });
    const now = await seedConversation(t.db, w, {
      visitorId: 'v_returning',
      customerEmail: 'mia@example.com',
      customerName: 'Mia',
      createdAt: ago(0, 2),
      messages: [
        { role: 'visitor', content: 'Can I print 100% of it?' },
        { role: 'note', content: 'secret plans' },
      ],
    });
    await seedConversation(t.db, w, { messages: [{ role: 'visitor', content: 'Other' }] });
    const found = (search: string) =>
      asAgent.list({ search }).then((r) => r.conversations.map((c) => c.id));

    expect(await found('buried moon')).toEqual([earlier]);
    expect(await found('mia@EXAMPLE')).toEqual([now]);
    expect(await found('100%')).toEqual([now]);
    expect(await found('100_')).toEqual([]);
    // Internal notes are the team's words, not the customer's: not searched.
    expect(await found('secret')).toEqual([]);
    await expect(asAgent.list({ search: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const { pastConversations } = await asAgent.transcript({ conversationId: now });
    expect(pastConversations).toMatchObject([
      { id: earlier, lastMessage: { content: 'Is The Buried Moon free to read?' } },
    ]);
  });
});

describe('canned replies', () => {
  it('are kept per workspace by admins, one per shortcut, and listed for agents', async () => {
    const w = (await newWorkspace(t.db, 'Canned')).tenantId;
    const admin = await newMember(t.db, w, 'admin');
    const agent = await newMember(t.db, w, 'agent');
    const asAdmin = callerWith(t.db, admin, w).cannedReplies;
    const asAgent = callerWith(t.db, agent, w).cannedReplies;

    const made = await asAdmin.create({
      shortcut: ' Refund ',
      title: 'Refunds',
      body: 'Refunds take **5 days**.',
    });
    expect(made).toMatchObject({ shortcut: 'refund', title: 'Refunds' });
    await expect(
      asAdmin.create({ shortcut: 'REFUND', title: 'Again', body: 'x' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The shortcut /refund is taken; choose another.',
    });
    await expect(
      asAdmin.create({ shortcut: 'two words', title: 'x', body: 'x' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(asAgent.create({ shortcut: 'mine', title: 'x', body: 'x' })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );

    expect(await asAgent.list()).toMatchObject([{ shortcut: 'refund' }]);
    expect(await callerWith(t.db, agentId, home).cannedReplies.list()).toEqual([]);

    await asAdmin.update({
      id: made.id,
      shortcut: 'refund',
      title: 'Refunds',
      body: 'Now 3 days.',
    });
    expect(await asAgent.list()).toMatchObject([{ body: 'Now 3 days.' }]);
    await asAdmin.delete({ id: made.id });
    expect(await asAgent.list()).toEqual([]);
    await expect(asAdmin.delete({ id: made.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
