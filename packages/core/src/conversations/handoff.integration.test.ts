// The hand-off cycle in the domain: bot -> waiting for a person -> person -> bot, the lines
// both sides read (in the order things happened), the acknowledgement email, the bot answering
// what was left unanswered (once), the end of the conversation and typing signals.
import { createExtractiveModel } from '@replyline/ai';
import { addFaq, newTenant } from '@replyline/ai/testing';
import {
  listenConversationSignals,
  QUEUES,
  schema,
  withTenant,
  type ConversationSignal,
  type TenantId,
} from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { planById } from '@replyline/billing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeHandoff } from '../tickets/acknowledge-handoff';
import { newMember } from '../testing';
import { handBackToBot, postAgentMessage, takeOverConversation } from './agent-reply';
import { answerLeftovers } from './answer-leftovers';
import { endConversation } from './conversation-actions';
import { appendVisitorMessage, startConversation } from './conversation-store';
import { escalateConversation } from './escalate-conversation';
import { getConversationState, listMessages } from './read-conversation';
import { announceTyping, createTypingThrottle } from './typing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(() => t?.close());

const request = { email: 'ada@example.test', name: 'Ada', message: 'Can a person help me?' };

/** A queue that keeps what was sent, for the hand-back's job. */
function recordingQueue() {
  const sent: { name: string; data: unknown; options: unknown }[] = [];
  return {
    sent,
    // Accepts every form of the queue's `send` overloads; the tests send by name only.
    send: async (...args: unknown[]) => {
      const [name, data, options] = args;
      sent.push({ name: String(name), data, options });
      return null;
    },
  };
}

async function proConversation() {
  const tenantId = await newTenant(t);
  // Waiting for a person is live hand-off, a Pro feature.
  await t.db.update(schema.tenants).set({ plan: 'pro' }).where(eq(schema.tenants.id, tenantId));
  const { conversationId } = await startConversation(t.db, tenantId, { visitorId: 'v-handoff' });
  await appendVisitorMessage(t.db, tenantId, conversationId, {
    content: 'Hello',
    tags: [],
    language: 'english',
  });
  return { tenantId, conversationId };
}

/** The conversation as the customer reads it: role, hand-off line or content, author. */
async function thread(tenantId: TenantId, conversationId: string) {
  const messages = await listMessages(t.db, tenantId, conversationId);
  return messages.map((m) =>
    m.role === 'system'
      ? `system:${m.handoff}${m.authorName ? `:${m.authorName}` : ''}`
      : `${m.role}:${m.content}`,
  );
}

describe('asking for a person', () => {
  it('waits for a person after the request (ordered after it), once per hand-off, with the bot quiet', async () => {
    const { tenantId, conversationId } = await proConversation();
    const first = await escalateConversation(t.db, tenantId, conversationId, request);
    expect(first.handoffStarted).toBe(true);
    expect(await getConversationState(t.db, tenantId, conversationId)).toMatchObject({
      status: 'escalated',
      botPaused: true,
      handoff: 'waiting',
      agent: null,
    });
    const again = await escalateConversation(t.db, tenantId, conversationId, {
      ...request,
      message: 'Hello? Anyone?',
    });
    expect(again.handoffStarted).toBe(false);
    expect(await thread(tenantId, conversationId)).toEqual([
      'visitor:Hello',
      'visitor:Can a person help me?',
      'system:waiting',
      'visitor:Hello? Anyone?',
    ]);
  });

  it('on Free (no live hand-off) opens the ticket but the bot keeps answering', async () => {
    const tenantId = await newTenant(t); // Free
    const { conversationId } = await startConversation(t.db, tenantId, { visitorId: 'v-free' });
    const escalation = await escalateConversation(t.db, tenantId, conversationId, request);
    expect(escalation.handoffStarted).toBe(false);
    expect(await getConversationState(t.db, tenantId, conversationId)).toMatchObject({
      botPaused: false,
      handoff: 'bot',
    });
    expect(await thread(tenantId, conversationId)).toEqual(['visitor:Can a person help me?']);
  });

  it('acknowledges the request to the customer with the ticket number, through the outbox', async () => {
    const { tenantId, conversationId } = await proConversation();
    const { ticketId, ticketNumber } = await escalateConversation(
      t.db,
      tenantId,
      conversationId,
      request,
    );
    const queue = recordingQueue();
    const sent = await acknowledgeHandoff({ db: t.db, queue }, tenantId, ticketId);
    const [email] = await t.db
      .select()
      .from(schema.outboundEmails)
      .where(eq(schema.outboundEmails.id, sent!.emailId));
    expect(email).toMatchObject({ to: 'ada@example.test', template: 'handoff-received' });
    expect(email!.subject).toContain(`#${ticketNumber}`);
    expect(email!.text).toContain('Can a person help me?');
    expect(queue.sent.map((job) => job.name)).toEqual([QUEUES.sendEmail]);
  });
});

describe('a person answering, and handing back', () => {
  it('announces who joined before their first reply, once per person', async () => {
    const { tenantId, conversationId } = await proConversation();
    const anna = await newMember(t.db, tenantId, 'agent');
    await t.db
      .update(schema.users)
      .set({ name: 'Anna', image: 'https://cdn.example.test/a.png' })
      .where(eq(schema.users.id, anna));
    await escalateConversation(t.db, tenantId, conversationId, request);
    await postAgentMessage(t.db, tenantId, conversationId, {
      authorUserId: anna,
      content: 'Hi, Anna here.',
    });
    await postAgentMessage(t.db, tenantId, conversationId, {
      authorUserId: anna,
      content: 'Let me look.',
    });
    expect(await getConversationState(t.db, tenantId, conversationId)).toMatchObject({
      handoff: 'person',
      agent: { name: 'Anna', avatarUrl: 'https://cdn.example.test/a.png' },
    });
    const messages = await listMessages(t.db, tenantId, conversationId);
    const agentReply = messages.find((m) => m.role === 'agent')!;
    expect(agentReply).toMatchObject({
      authorName: 'Anna',
      authorAvatarUrl: 'https://cdn.example.test/a.png',
    });
    expect(await thread(tenantId, conversationId)).toEqual([
      'visitor:Hello',
      'visitor:Can a person help me?',
      'system:waiting',
      'system:joined:Anna',
      'agent:Hi, Anna here.',
      'agent:Let me look.',
    ]);
  });

  it('hands back with a line and a job; the bot answers what was left unanswered, once', async () => {
    const { tenantId, conversationId } = await proConversation();
    await addFaq(t, tenantId, [
      { question: 'Do you ship to Canada?', answer: 'Yes, we ship printed books to Canada.' },
    ]);
    const ben = await newMember(t.db, tenantId, 'agent');
    await takeOverConversation(t.db, tenantId, conversationId, ben);
    await postAgentMessage(t.db, tenantId, conversationId, { authorUserId: ben, content: 'Hi!' });
    await appendVisitorMessage(t.db, tenantId, conversationId, {
      content: 'Do you ship to Canada?',
      tags: [],
      language: 'english',
    });
    const queue = recordingQueue();
    expect(await handBackToBot({ db: t.db, queue }, tenantId, conversationId)).toBe(true);
    expect(await handBackToBot({ db: t.db, queue }, tenantId, conversationId)).toBe(false);
    expect(queue.sent).toEqual([
      {
        name: QUEUES.answerLeftovers,
        data: { tenantId, conversationId },
        options: { singletonKey: conversationId },
      },
    ]);
    expect((await getConversationState(t.db, tenantId, conversationId))?.handoff).toBe('bot');

    const model = createExtractiveModel();
    const answered = await answerLeftovers(t.db, tenantId, conversationId, { model });
    expect(answered).not.toBeNull();
    expect(await answerLeftovers(t.db, tenantId, conversationId, { model })).toBeNull();
    const lines = await thread(tenantId, conversationId);
    expect(lines.slice(1, -1)).toEqual([
      'system:joined:A agent',
      'agent:Hi!',
      'visitor:Do you ship to Canada?',
      'system:bot_back',
    ]);
    expect(lines.at(-1)).toMatch(/^assistant:.*Canada/);
  });

  it('leaves the leftovers to people when the plan’s replies are used up', async () => {
    const { tenantId, conversationId } = await proConversation();
    await addFaq(t, tenantId, [
      { question: 'Do you ship to Canada?', answer: 'Yes, we ship printed books to Canada.' },
    ]);
    await escalateConversation(t.db, tenantId, conversationId, request);
    await appendVisitorMessage(t.db, tenantId, conversationId, {
      content: 'Do you ship to Canada?',
      tags: [],
      language: 'english',
    });
    await handBackToBot({ db: t.db, queue: recordingQueue() }, tenantId, conversationId);
    // Back on Free, every included reply of this month already used.
    const free = planById('free');
    expect(free.hardCap).toBe(true);
    await withTenant(t.db, tenantId, async (tx) => {
      await tx.update(schema.tenants).set({ plan: 'free' }).where(eq(schema.tenants.id, tenantId));
      await tx.insert(schema.usageRecords).values({
        tenantId,
        kind: 'ai_reply',
        quantity: free.includedReplies,
        idempotencyKey: `used-up-${conversationId}`,
      });
    });
    const model = createExtractiveModel();
    expect(await answerLeftovers(t.db, tenantId, conversationId, { model })).toBeNull();
    expect((await thread(tenantId, conversationId)).at(-1)).toBe('system:bot_back');
  });

  it('leaves nothing to answer when the person answered everything', async () => {
    const { tenantId, conversationId } = await proConversation();
    const ben = await newMember(t.db, tenantId, 'agent');
    await escalateConversation(t.db, tenantId, conversationId, request);
    await postAgentMessage(t.db, tenantId, conversationId, { authorUserId: ben, content: 'Done!' });
    await handBackToBot({ db: t.db, queue: recordingQueue() }, tenantId, conversationId);
    const model = createExtractiveModel();
    expect(await answerLeftovers(t.db, tenantId, conversationId, { model })).toBeNull();
  });
});

describe('ending', () => {
  it('resolves with one ended line whoever ends it, and the bot answers again', async () => {
    const { tenantId, conversationId } = await proConversation();
    await escalateConversation(t.db, tenantId, conversationId, request);
    expect(await endConversation(t.db, tenantId, conversationId, { byVisitor: true })).toBe(true);
    expect(await endConversation(t.db, tenantId, conversationId, { byVisitor: true })).toBe(true);
    expect(await getConversationState(t.db, tenantId, conversationId)).toMatchObject({
      status: 'resolved',
      botPaused: false,
      handoff: 'bot',
    });
    expect(
      (await thread(tenantId, conversationId)).filter((l) => l === 'system:ended'),
    ).toHaveLength(1);
    const other = await newTenant(t);
    expect(await endConversation(t.db, other, conversationId, { byVisitor: true })).toBe(false);
  });
});

describe('typing', () => {
  it('signals on the tenant’s own conversation only, throttled per side, and stores nothing', async () => {
    const { tenantId, conversationId } = await proConversation();
    const other = await newTenant(t);
    const heard: ConversationSignal[] = [];
    const listener = await listenConversationSignals(t.queueTarget, (signal) => {
      if (signal.kind === 'typing') heard.push(signal);
    });
    let now = 0;
    const throttle = createTypingThrottle(() => now);
    expect(await announceTyping(t.db, tenantId, conversationId, 'visitor', throttle)).toBe(true);
    now = 1_000;
    expect(await announceTyping(t.db, tenantId, conversationId, 'visitor', throttle)).toBe(false);
    expect(await announceTyping(t.db, tenantId, conversationId, 'agent', throttle)).toBe(true);
    now = 2_500;
    expect(await announceTyping(t.db, tenantId, conversationId, 'visitor', throttle)).toBe(true);
    // Another workspace cannot reach this conversation, whatever id it sends.
    expect(await announceTyping(t.db, other, conversationId, 'visitor', throttle)).toBe(false);
    await expect.poll(() => heard.length).toBe(3);
    await listener.close();
    expect(heard.map((s) => [s.tenantId, s.by])).toEqual([
      [tenantId, 'visitor'],
      [tenantId, 'agent'],
      [tenantId, 'visitor'],
    ]);
    const stored = await withTenant(t.db, tenantId, (tx) =>
      tx
        .select({ id: schema.messages.id })
        .from(schema.messages)
        .where(
          and(
            eq(schema.messages.tenantId, tenantId),
            eq(schema.messages.conversationId, conversationId),
          ),
        ),
    );
    expect(stored).toHaveLength(1);
  });
});
