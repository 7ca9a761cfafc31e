// A visitor's transcript by email: one email through the outbox with exactly what the visitor
// saw, a line only the team reads, three copies an hour, and nothing for another workspace.
import { newTenant } from '@replyline/ai/testing';
import { QUEUES, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember } from '../testing';
import { postAgentMessage } from './agent-reply';
import { addInternalNote, endConversation } from './conversation-actions';
import {
  appendVisitorMessage,
  startConversation,
  storeAssistantMessage,
} from './conversation-store';
import { emailTranscript, maskEmail, TRANSCRIPTS_PER_CONVERSATION_HOUR } from './email-transcript';
import { listMessages } from './read-conversation';
import { getTranscript } from '../inbox/get-transcript';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(() => t?.close());

/** A queue that keeps what was sent (the email worker's job). */
function recordingQueue() {
  const sent: { name: string; data: unknown }[] = [];
  return {
    sent,
    send: async (...args: unknown[]) => {
      sent.push({ name: String(args[0]), data: args[1] });
      return null;
    },
  };
}

/** A chat as the visitor lived it, plus what only the team saw: a note and the end. */
async function chat() {
  const tenantId = await newTenant(t, {
    name: 'Fjord Outdoor',
    persona: { assistantName: 'Ada' },
  });
  const agent = await newMember(t.db, tenantId, 'agent');
  const { conversationId } = await startConversation(t.db, tenantId, { visitorId: 'v-mail' });
  await appendVisitorMessage(t.db, tenantId, conversationId, {
    content: 'Can I return a tent?',
    tags: [],
    language: 'english',
  });
  await storeAssistantMessage(t.db, tenantId, conversationId, {
    content: 'Unused tents can be returned within 30 days.',
    sources: [],
    tags: [],
    usage: { inputTokens: 10, outputTokens: 5, model: 'stub' },
    escalation: null,
  });
  await addInternalNote(t.db, tenantId, conversationId, {
    authorUserId: agent,
    content: 'SECRET NOTE: repeat customer, be generous',
  });
  await postAgentMessage(t.db, tenantId, conversationId, {
    authorUserId: agent,
    content: 'I have booked the pickup for Friday.',
  });
  await endConversation(t.db, tenantId, conversationId, { byVisitor: true });
  return { tenantId, conversationId };
}

async function outboxFor(to: string) {
  return t.db
    .select()
    .from(schema.outboundEmails)
    .where(
      and(
        eq(schema.outboundEmails.to, to),
        eq(schema.outboundEmails.template, 'conversation-transcript'),
      ),
    );
}

async function transcriptEvents(tenantId: TenantId, conversationId: string) {
  return withTenant(t.db, tenantId, (tx) =>
    tx
      .select({ data: schema.events.data })
      .from(schema.events)
      .where(
        and(
          eq(schema.events.tenantId, tenantId),
          eq(schema.events.conversationId, conversationId),
          eq(schema.events.type, 'transcript_emailed'),
        ),
      ),
  );
}

describe('emailing a transcript', () => {
  it('queues one email with what the visitor saw, and tells only the team', async () => {
    const { tenantId, conversationId } = await chat();
    const to = `reader-${conversationId.slice(0, 8)}@example.com`;
    const queue = recordingQueue();

    const outcome = await emailTranscript({ db: t.db, queue }, tenantId, conversationId, {
      to,
      timeZone: 'Europe/Oslo',
    });

    expect(outcome).toMatchObject({ sent: true, maskedTo: `r…@example.com` });
    const emails = await outboxFor(to);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(queue.sent).toEqual([{ name: QUEUES.sendEmail, data: { emailId: email!.id } }]);
    expect(email!.subject).toBe('Your conversation with Fjord Outdoor');
    expect(email!.metadata).toMatchObject({ tenantId, conversationId });
    for (const said of [
      'Can I return a tent?',
      'Unused tents can be returned within 30 days.',
      'I have booked the pickup for Friday.',
      'Ada',
    ])
      expect(email!.text).toContain(said);
    // Never the team's note, nor the system lines ("joined", "ended").
    expect(email!.text).not.toContain('SECRET NOTE');
    expect(email!.html).not.toContain('SECRET NOTE');
    expect(email!.text).not.toContain('This conversation has ended.');
    expect(email!.text).not.toMatch(/joined/);

    // The team sees the line (masked) and the event; the visitor's reads never carry it.
    const inbox = await getTranscript(t.db, tenantId, conversationId);
    const line = inbox!.messages.filter((m) => m.content.startsWith('Transcript emailed'));
    expect(line.map((m) => [m.role, m.content])).toEqual([
      ['system', 'Transcript emailed to r…@example.com'],
    ]);
    expect(inbox!.events.filter((e) => e.type === 'transcript_emailed')).toHaveLength(1);
    const visitorSees = await listMessages(t.db, tenantId, conversationId);
    expect(visitorSees.some((m) => m.content.startsWith('Transcript emailed'))).toBe(false);
    expect(visitorSees.map((m) => m.role)).toContain('system'); // hand-off lines still shown
  });

  it('refuses another workspace’s conversation and an unknown one, sending nothing', async () => {
    const { conversationId } = await chat();
    const other = await newTenant(t);
    const to = `intruder-${conversationId.slice(0, 8)}@example.com`;
    const queue = recordingQueue();

    for (const id of [conversationId, crypto.randomUUID()])
      await expect(emailTranscript({ db: t.db, queue }, other, id, { to })).rejects.toMatchObject({
        code: 'not_found',
      });
    expect(await outboxFor(to)).toHaveLength(0);
    expect(queue.sent).toHaveLength(0);
  });

  it('refuses an address that is not one, before counting it', async () => {
    const { tenantId, conversationId } = await chat();
    await expect(
      emailTranscript({ db: t.db, queue: recordingQueue() }, tenantId, conversationId, {
        to: 'not-an-address',
      }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    expect(await transcriptEvents(tenantId, conversationId)).toHaveLength(0);
  });

  it('sends three copies an hour per conversation, then says when the next one can go', async () => {
    const { tenantId, conversationId } = await chat();
    const to = `again-${conversationId.slice(0, 8)}@example.com`;
    const deps = { db: t.db, queue: recordingQueue() };
    const send = () => emailTranscript(deps, tenantId, conversationId, { to });

    // Asked for at once: the row lock makes them count one after another.
    const first = await Promise.all(
      Array.from({ length: TRANSCRIPTS_PER_CONVERSATION_HOUR + 1 }, send),
    );
    expect(first.filter((o) => o.sent)).toHaveLength(TRANSCRIPTS_PER_CONVERSATION_HOUR);
    const refused = first.find((o) => !o.sent);
    expect(refused).toMatchObject({ sent: false });
    if (refused?.sent !== false) throw new Error('expected a refusal');
    expect(refused.retryAfterSeconds).toBeGreaterThan(3_500);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3_600);
    expect(refused.message).toMatch(/already been emailed 3 times in the last hour/);
    expect(refused.message).toMatch(/in 60 minutes/);
    expect(await outboxFor(to)).toHaveLength(TRANSCRIPTS_PER_CONVERSATION_HOUR);
    expect(await transcriptEvents(tenantId, conversationId)).toHaveLength(3);

    // An hour later the oldest copy has left the window.
    await withTenant(t.db, tenantId, (tx) =>
      tx
        .update(schema.events)
        .set({ createdAt: new Date(Date.now() - 61 * 60_000) })
        .where(
          and(
            eq(schema.events.tenantId, tenantId),
            eq(schema.events.conversationId, conversationId),
            eq(schema.events.type, 'transcript_emailed'),
          ),
        ),
    );
    expect(await send()).toMatchObject({ sent: true });
  });

  it('writes no line and uses up nothing when the email cannot be queued', async () => {
    const { tenantId, conversationId } = await chat();
    const broken = {
      send: async () => {
        throw new Error('queue is down');
      },
    };
    await expect(
      emailTranscript({ db: t.db, queue: broken }, tenantId, conversationId, {
        to: 'down@example.com',
      }),
    ).rejects.toThrow('queue is down');
    expect(await transcriptEvents(tenantId, conversationId)).toHaveLength(0);
    const inbox = await getTranscript(t.db, tenantId, conversationId);
    expect(inbox!.messages.some((m) => m.content.startsWith('Transcript emailed'))).toBe(false);
  });

  it('masks an address to its first letter and domain', () => {
    expect(maskEmail('anna.lind@example.com')).toBe('a…@example.com');
    expect(maskEmail('broken')).toBe('…');
  });
});
