import { takeOverConversation } from '@replyline/core';
import { asUserId, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, callerWith, recordingEnqueue } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';
import { ago, seedConversation } from '../testing/seed-conversations';

let t: TestDatabase;
let tenantId: TenantId;
let agent: string;
let admin: string;
const period = { from: ago(10), to: new Date(Date.now() + 60_000) };
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1_000);

/**
 * Four conversations in the period with known answers and times, one before it, and one in
 * another workspace; every figure below is worked out by hand from them.
 */
beforeAll(async () => {
  t = await openTestDatabase();
  tenantId = (await newWorkspace(t.db, 'Analytics')).tenantId;
  agent = await newMember(t.db, tenantId, 'agent');
  admin = await newMember(t.db, tenantId, 'admin');
  const seed = (input: Parameters<typeof seedConversation>[2]) =>
    seedConversation(t.db, tenantId, input);
  const d5 = ago(5);
  const d4 = ago(4);
  const d3 = ago(3);
  await seed({
    createdAt: d5,
    rating: 5,
    messages: [
      { role: 'visitor', content: 'Do you ship to Norway?', at: d5 },
      { role: 'assistant', content: 'Yes.', at: at(d5, 2) },
    ],
  });
  await seed({
    createdAt: d4,
    rating: 2,
    escalated: true,
    messages: [
      { role: 'visitor', content: 'do you ship to norway', at: d4 },
      { role: 'assistant', content: 'I do not know.', tags: ['unanswered'], at: at(d4, 4) },
      { role: 'visitor', content: 'I want a human', tags: ['human_requested'], at: at(d4, 60) },
      { role: 'agent', content: 'Hi, Sara here.', at: at(d4, 180) },
    ],
  });
  const takenOver = await seed({
    createdAt: d4,
    messages: [
      { role: 'visitor', content: 'Hi!', tags: ['greeting'], at: at(d4, 600) },
      { role: 'assistant', content: 'Hello!', at: at(d4, 602) },
      { role: 'visitor', content: 'Where is my invoice???', tags: ['upset'], at: at(d4, 610) },
      { role: 'assistant', content: 'Sorry.', tags: ['unanswered'], at: at(d4, 616) },
      { role: 'note', content: 'He is upset', at: at(d4, 620) },
    ],
  });
  await takeOverConversation(t.db, tenantId, takenOver, asUserId(agent));
  await seed({
    createdAt: d3,
    status: 'resolved',
    messages: [
      { role: 'visitor', content: 'Thanks a lot, great help', tags: ['thanks'], at: d3 },
      { role: 'assistant', content: 'Glad to help!', at: at(d3, 2) },
    ],
  });
  await seed({
    createdAt: ago(20),
    rating: 1,
    messages: [{ role: 'visitor', content: 'Old question', tags: ['upset'], at: ago(20) }],
  });
  const other = (await newWorkspace(t.db, 'Elsewhere')).tenantId;
  await seedConversation(t.db, other, {
    createdAt: ago(2),
    rating: 1,
    escalated: true,
    messages: [{ role: 'visitor', content: 'Do you ship to Norway?', at: ago(2) }],
  });
}, 120_000);
afterAll(async () => t?.close());

const analytics = () => callerWith(t.db, agent, tenantId).analytics;

describe('analytics summary', () => {
  it('computes the period’s figures in the workspace only', async () => {
    const summary = await analytics().summary(period);
    expect(summary).toMatchObject({
      conversations: 4,
      messages: 12,
      resolutionRate: 0.5,
      escalationRate: 0.25,
      medianResponseSeconds: 3,
      medianAgentResponseSeconds: 120,
      csat: { average: 3.5, responses: 2, satisfiedShare: 0.5 },
    });
    expect(summary.sentiment.messages).toBe(6);
    expect(summary.sentiment.negative).toBeCloseTo(1 / 6);
    expect(summary.sentiment.positive).toBeCloseTo(1 / 6);
    expect(summary.sentiment.confused).toBe(0);
    expect(summary.sentiment.neutral).toBeCloseTo(4 / 6);
  });

  it('counts conversations and messages per day, quiet days included', async () => {
    const { perDay } = await analytics().summary(period);
    expect(perDay.length).toBeGreaterThanOrEqual(11);
    expect(perDay.every((d, i) => i === 0 || d.day > perDay[i - 1]!.day)).toBe(true);
    expect(perDay.reduce((n, d) => n + d.conversations, 0)).toBe(4);
    expect(perDay.filter((d) => d.conversations > 0).map((d) => d.conversations)).toEqual([
      1, 2, 1,
    ]);
    expect(perDay.filter((d) => d.messages === 0).length).toBeGreaterThan(5);
    const stockholm = await analytics().summary({ ...period, timeZone: 'Europe/Stockholm' });
    expect(stockholm.perDay.reduce((n, d) => n + d.messages, 0)).toBe(12);
  });

  it('returns no rates for an empty period and refuses a reversed one', async () => {
    const empty = await analytics().summary({ from: ago(60), to: ago(50) });
    expect(empty).toMatchObject({
      conversations: 0,
      resolutionRate: null,
      medianResponseSeconds: null,
      csat: { average: null, responses: 0 },
    });
    await expect(analytics().summary({ from: ago(1), to: ago(2) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      analytics().summary({ ...period, timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('questions', () => {
  it('groups the top questions by their words, without small talk', async () => {
    const top = await analytics().topQuestions(period);
    expect(top.map((q) => [q.key, q.count])).toEqual([
      ['do you ship to norway', 2],
      ['where is my invoice', 1],
      ['i want a human', 1],
    ]);
    expect(['Do you ship to Norway?', 'do you ship to norway']).toContain(top[0]!.example);
  });

  it('lists unanswered questions, and one click turns one into an FAQ entry', async () => {
    const before = await analytics().unanswered(period);
    expect(before.map((q) => [q.example, q.count])).toEqual([
      ['Where is my invoice???', 1],
      ['do you ship to norway', 1],
    ]);

    const { documentId } = await callerWith(t.db, admin, tenantId, {
      enqueue: recordingEnqueue().enqueue,
    }).analytics.turnIntoFaq({
      question: 'Where is my invoice?',
      answer: 'Invoices are in your account under Billing.',
    });
    const [faq] = await withTenant(t.db, tenantId, (tx) =>
      tx.select().from(schema.faqEntries).where(eq(schema.faqEntries.documentId, documentId)),
    );
    expect(faq).toMatchObject({ question: 'Where is my invoice?' });
    const after = await analytics().unanswered(period);
    expect(after.map((q) => q.key)).toEqual(['do you ship to norway']);
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'faq.created_from_unanswered',
      actorUserId: admin,
    });
  });
});

describe('as a new workspace sees it after a hand-off', () => {
  it('times the person, groups near-identical questions and leaves empty chats out', async () => {
    const w = (await newWorkspace(t.db, 'Story library')).tenantId;
    const member = await newMember(t.db, w, 'agent');
    const d2 = ago(2);
    await seedConversation(t.db, w, {
      createdAt: d2,
      escalated: true,
      messages: [
        { role: 'visitor', content: 'How do I download a story?', at: d2 },
        { role: 'assistant', content: 'Open the story page.', at: at(d2, 1) },
        { role: 'visitor', content: 'Talk to a human', tags: ['human_requested'], at: at(d2, 30) },
        // The bot's acknowledgement is no answer: the customer waits for a person from 30 s.
        { role: 'assistant', content: 'A person will answer here.', at: at(d2, 31) },
        { role: 'visitor', content: 'Hello?', at: at(d2, 90) },
        { role: 'agent', content: 'Hi, Sara here.', at: at(d2, 330), authorUserId: member },
      ],
    });
    await seedConversation(t.db, w, {
      createdAt: d2,
      messages: [
        { role: 'visitor', content: 'how can I download the stories', at: at(d2, 400) },
        { role: 'assistant', content: 'Open the story page.', at: at(d2, 401) },
      ],
    });
    // The widget opened in the dashboard's preview and never written in.
    await seedConversation(t.db, w, { createdAt: d2 });

    const reports = callerWith(t.db, member, w).analytics;
    const summary = await reports.summary(period);
    expect(summary).toMatchObject({
      conversations: 2,
      resolutionRate: 0.5,
      escalationRate: 0.5,
      medianResponseSeconds: 1,
      medianAgentResponseSeconds: 300,
    });
    const top = await reports.topQuestions(period);
    expect(top.map((q) => q.count)).toEqual([2, 1, 1]);
    expect(['How do I download a story?', 'how can I download the stories']).toContain(
      top[0]!.example,
    );
  });
});
