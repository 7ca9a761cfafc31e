import { randomUUID } from 'node:crypto';
import { escalateConversation } from '@replyline/core';
import { openQueue, QUEUES, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { addTextDocument } from '@replyline/rag';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRetention, type RetentionResult } from '@replyline/core/retention';
import { startRetentionWorker } from '@replyline/core/retention';
import { auditEntries, callerWith, recordingEnqueue } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';
import { ago, seedConversation } from '../testing/seed-conversations';

const {
  conversations,
  documents,
  chunks,
  events,
  messages,
  outboundEmails,
  ticketAttachments,
  tickets,
  usageRecords,
} = schema;

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

async function workspace(name: string) {
  const tenantId = (await newWorkspace(t.db, name)).tenantId;
  // Retention and the audit log are Business features (plan-features.integration.test.ts).
  await t.db
    .update(schema.tenants)
    .set({ plan: 'business' })
    .where(eq(schema.tenants.id, tenantId));
  const admin = await newMember(t.db, tenantId, 'admin');
  const services = { enqueue: recordingEnqueue().enqueue };
  return { tenantId, admin, caller: callerWith(t.db, admin, tenantId, services) };
}

const count = (
  tenantId: TenantId,
  table:
    | typeof conversations
    | typeof messages
    | typeof events
    | typeof tickets
    | typeof usageRecords
    | typeof documents
    | typeof chunks,
) => withTenant(t.db, tenantId, (tx) => tx.$count(table, eq(table.tenantId, tenantId)));

describe('retention', () => {
  it('is set by an admin, audited, and read back', async () => {
    const w = await workspace('Retention setting');
    expect(await w.caller.settings.retention()).toEqual({ days: null });
    await w.caller.settings.setRetention({ days: 90 });
    expect(await w.caller.settings.retention()).toEqual({ days: 90 });
    await w.caller.settings.setRetention({ days: null });
    const [latest, first] = await auditEntries(t.db, w.tenantId);
    expect(first).toMatchObject({ action: 'retention.updated', details: { from: null, to: 90 } });
    expect(latest).toMatchObject({ details: { from: 90, to: null }, ipAddress: '203.0.113.7' });
    await expect(w.caller.settings.setRetention({ days: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('deletes only conversations older than the setting, in batches, and keeps billing records', async () => {
    const w = await workspace('Retention run');
    const untouched = await workspace('No retention');
    await w.caller.settings.setRetention({ days: 30 });
    const old: string[] = [];
    for (let i = 0; i < 5; i++)
      old.push(
        await seedConversation(t.db, w.tenantId, {
          createdAt: ago(40 + i),
          messages: [{ role: 'visitor', content: `old ${i}`, at: ago(40 + i) }],
        }),
      );
    // Started long ago but active yesterday: kept (age counts from the last message).
    const active = await seedConversation(t.db, w.tenantId, {
      createdAt: ago(60),
      messages: [
        { role: 'visitor', content: 'first', at: ago(60) },
        { role: 'visitor', content: 'again', at: ago(1) },
      ],
    });
    const recent = await seedConversation(t.db, w.tenantId, { createdAt: ago(2) });
    const elsewhere = await seedConversation(t.db, untouched.tenantId, { createdAt: ago(400) });
    // An open ticket of an old conversation stays (unlinked); a solved one goes.
    const { ticketId: openTicket } = await escalateConversation(t.db, w.tenantId, old[0]!, {
      email: 'a@example.com',
      message: 'still waiting',
    });
    const { ticketId: solvedTicket } = await escalateConversation(t.db, w.tenantId, old[1]!, {
      email: 'b@example.com',
      message: 'done',
    });
    await withTenant(t.db, w.tenantId, async (tx) => {
      await tx.update(tickets).set({ status: 'solved' }).where(eq(tickets.id, solvedTicket));
      // The escalation just now made them active again; age them back.
      await tx
        .update(conversations)
        .set({ lastMessageAt: ago(40) })
        .where(inArray(conversations.id, old));
      await tx.insert(usageRecords).values(
        ['one', 'two'].map((key) => ({
          tenantId: w.tenantId,
          kind: 'ai_reply' as const,
          quantity: 1,
          idempotencyKey: `reply:${key}`,
          occurredAt: ago(45),
        })),
      );
      await tx.insert(events).values([
        { tenantId: w.tenantId, type: 'widget_opened', visitorId: 'v1', createdAt: ago(45) },
        { tenantId: w.tenantId, type: 'widget_opened', visitorId: 'v1', createdAt: ago(3) },
      ]);
    });

    const result = await applyRetention({ db: t.db, batchSize: 2 });
    expect(result.conversations).toBeGreaterThanOrEqual(5);
    const left = await withTenant(t.db, w.tenantId, (tx) =>
      tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.tenantId, w.tenantId)),
    );
    expect(left.map((c) => c.id).sort()).toEqual([active, recent].sort());
    expect(await count(w.tenantId, usageRecords)).toBe(2);
    const remainingTickets = await withTenant(t.db, w.tenantId, (tx) =>
      tx.select({ id: tickets.id, conversationId: tickets.conversationId }).from(tickets),
    );
    expect(remainingTickets).toEqual([{ id: openTicket, conversationId: null }]);
    const eventsLeft = await withTenant(t.db, w.tenantId, (tx) =>
      tx.select({ type: events.type, data: events.data }).from(events),
    );
    // The recent widget event and the kept ticket's escalation (its history) remain.
    expect(eventsLeft.map((e) => e.type).sort()).toEqual(['escalated', 'widget_opened']);
    expect(await count(untouched.tenantId, conversations)).toBe(1);
    expect(elsewhere).toBeTruthy();
  });

  it('runs as a daily job on the retention queue', async () => {
    const boss = await openQueue(t.queueTarget, {
      supervise: false,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    boss.on('error', () => undefined);
    const runs: RetentionResult[] = [];
    try {
      await startRetentionWorker(boss, { db: t.db, onRun: (r) => runs.push(r) });
      const schedules = await boss.getSchedules();
      expect(schedules.find((s) => s.name === QUEUES.retention)).toMatchObject({
        cron: '17 3 * * *',
      });
      await boss.send(QUEUES.retention, {});
      await expect.poll(() => runs.length, { timeout: 15_000 }).toBe(1);
    } finally {
      await boss.unschedule(QUEUES.retention);
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    }
  });
});

function attachmentRow(tenantId: TenantId, ticketId: string, filename: string) {
  const bytes = Buffer.from(`bytes of ${filename}`);
  return {
    tenantId,
    ticketId,
    filename,
    contentType: 'application/octet-stream',
    sizeBytes: bytes.length,
    bytes,
  };
}

describe('customer data (GDPR)', () => {
  /** Two customers with chats, a ticket, events, an uploaded file and emails; returns ids. */
  async function twoCustomers() {
    const w = await workspace(`GDPR ${randomUUID().slice(0, 6)}`);
    const anna = 'v_anna_browser_1';
    const annaEarlier = await seedConversation(t.db, w.tenantId, {
      visitorId: anna,
      messages: [{ role: 'visitor', content: 'anonymous question from Anna' }],
    });
    const annaChat = await seedConversation(t.db, w.tenantId, {
      visitorId: anna,
      messages: [{ role: 'visitor', content: 'I need help, I am Anna' }],
    });
    const { ticketId: annaTicket } = await escalateConversation(t.db, w.tenantId, annaChat, {
      email: 'Anna@Example.com',
      message: 'Please call me',
    });
    const bo = await seedConversation(t.db, w.tenantId, {
      visitorId: 'v_bo_browser_22',
      messages: [{ role: 'visitor', content: 'Bo here' }],
    });
    const { ticketId: boTicket } = await escalateConversation(t.db, w.tenantId, bo, {
      email: 'bo@example.com',
      message: 'Bo needs help',
    });
    const { ticketId: annaByHand } = await w.caller.tickets.create({
      subject: 'Anna called',
      customerEmail: 'anna@example.com',
    });
    await w.caller.tickets.reply({ ticketId: annaTicket, content: 'We will call you.' });
    await w.caller.tickets.reply({ ticketId: boTicket, content: 'Hello Bo.' });
    await withTenant(t.db, w.tenantId, (tx) =>
      tx.insert(events).values([
        { tenantId: w.tenantId, type: 'widget_opened', visitorId: anna },
        { tenantId: w.tenantId, type: 'widget_opened', visitorId: 'v_bo_browser_22' },
      ]),
    );
    // A file Anna sent in her chat: a document linked to her conversation, with chunks.
    const { documentId: annaFile } = await addTextDocument(
      { db: t.db, queue: { send: async () => null } },
      w.tenantId,
      { title: 'anna-receipt.txt', text: 'Receipt for Anna', format: 'text' },
    );
    await withTenant(t.db, w.tenantId, async (tx) => {
      await tx
        .update(documents)
        .set({ conversationId: annaChat })
        .where(eq(documents.id, annaFile));
      await tx.insert(chunks).values({
        tenantId: w.tenantId,
        documentId: annaFile,
        ordinal: 0,
        content: 'Receipt for Anna',
        language: 'english',
      });
    });
    // A file Anna attached to an email reply on her ticket, and one Bo attached on his.
    await withTenant(t.db, w.tenantId, (tx) =>
      tx
        .insert(ticketAttachments)
        .values([
          attachmentRow(w.tenantId, annaTicket, 'anna-photo.png'),
          attachmentRow(w.tenantId, boTicket, 'bo-invoice.pdf'),
        ]),
    );
    // The tenant's own knowledge stays whatever happens to customers.
    const { documentId: policy } = await addTextDocument(
      { db: t.db, queue: { send: async () => null } },
      w.tenantId,
      { title: 'Policy', text: 'Our policy', format: 'text' },
    );
    return {
      w,
      anna,
      annaEarlier,
      annaChat,
      annaTicket,
      annaByHand,
      annaFile,
      bo,
      boTicket,
      policy,
    };
  }

  it('exports everything about one customer found by email, across their browsers and tickets', async () => {
    const c = await twoCustomers();
    const data = await c.w.caller.settings.exportCustomer({ email: 'anna@example.com' });
    expect(data.customer).toEqual({ emails: ['anna@example.com'], visitorIds: [c.anna] });
    expect(data.conversations.map((x) => x.id).sort()).toEqual([c.annaEarlier, c.annaChat].sort());
    expect(data.messages.map((m) => m.content)).toContain('anonymous question from Anna');
    expect(data.messages.map((m) => m.content)).not.toContain('Bo here');
    expect(data.tickets.map((x) => x.id).sort()).toEqual([c.annaTicket, c.annaByHand].sort());
    expect(data.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['escalated', 'widget_opened', 'ticket_created', 'ticket_replied']),
    );
    expect(data.files.map((f) => f.id)).toEqual([c.annaFile]);
    expect(data.emailAttachments.map((f) => f.filename)).toEqual(['anna-photo.png']);
    // The reply to Anna, and the team's notice of the ticket made for her by hand.
    expect(data.emails.map((e) => e.subject)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('New ticket #3 from anna@example.com'),
        expect.stringContaining('Re: your request #1'),
      ]),
    );
    expect(data.emails).toHaveLength(2);
    expect(JSON.stringify(data)).not.toContain('bo@example.com');
    expect((await auditEntries(t.db, c.w.tenantId))[0]).toMatchObject({
      action: 'customer.exported',
    });
  });

  it('erases exactly that customer, by visitor id too, and leaves everyone else', async () => {
    const c = await twoCustomers();
    const rowsBefore = await withTenant(t.db, c.w.tenantId, (tx) =>
      tx.select({ id: messages.id }).from(messages),
    );
    const erased = await c.w.caller.settings.deleteCustomer({ visitorId: c.anna });
    expect(erased).toMatchObject({
      conversations: 2,
      tickets: 2,
      files: 1,
      emails: 2,
    });
    const tenant = c.w.tenantId;
    const ids = async <T extends typeof conversations | typeof tickets | typeof documents>(
      table: T,
    ) =>
      (
        await withTenant(t.db, tenant, (tx) =>
          tx.select({ id: table.id }).from(table as typeof conversations),
        )
      ).map((r) => r.id);
    expect(await ids(conversations)).toEqual([c.bo]);
    expect(await ids(tickets)).toEqual([c.boTicket]);
    expect(await ids(documents)).toEqual([c.policy]);
    expect(await count(tenant, chunks)).toBe(0);
    const left = await withTenant(t.db, tenant, (tx) =>
      tx.select({ content: messages.content }).from(messages),
    );
    // Bo's asking for a person left the hand-off line "Waiting for a person…" in his conversation.
    expect(left.map((m) => m.content).sort()).toEqual([
      'Bo here',
      'Bo needs help',
      expect.stringContaining('Hello Bo.'),
      'Waiting for a person…',
    ]);
    expect(rowsBefore.length - left.length).toBe(erased.messages);
    const eventsLeft = await withTenant(t.db, tenant, (tx) =>
      tx.select({ visitorId: events.visitorId, data: events.data }).from(events),
    );
    expect(JSON.stringify(eventsLeft)).not.toContain(c.anna);
    expect(JSON.stringify(eventsLeft)).not.toContain(c.annaTicket);
    expect(eventsLeft.filter((e) => e.visitorId === 'v_bo_browser_22')).toHaveLength(1);
    const mails = await t.db
      .select({ to: outboundEmails.to })
      .from(outboundEmails)
      .where(
        and(
          sql`${outboundEmails.metadata}->>'tenantId' = ${tenant}`,
          sql`${outboundEmails.template} = 'ticket-reply'`,
        ),
      );
    expect(mails.map((m) => m.to)).toEqual(['bo@example.com']);

    const [audit] = await auditEntries(t.db, tenant);
    expect(audit).toMatchObject({ action: 'customer.erased', targetType: 'customer' });
    // The log proves the request was handled without keeping who it was about.
    expect(JSON.stringify(audit)).not.toContain(c.anna);
    expect(JSON.stringify(audit)).not.toContain('anna@');
  });

  it('finds nobody for an unknown customer and erases nothing', async () => {
    const c = await twoCustomers();
    const erased = await c.w.caller.settings.deleteCustomer({ email: 'nobody@example.com' });
    expect(erased).toEqual({
      conversations: 0,
      messages: 0,
      tickets: 0,
      events: 0,
      files: 0,
      emails: 0,
      jobs: 0,
    });
    expect(await count(c.w.tenantId, conversations)).toBe(3);
    await expect(c.w.caller.settings.deleteCustomer({})).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('audit log', () => {
  it('lists admin actions newest first with who and from where, page by page', async () => {
    const w = await workspace('Audit');
    for (const days of [10, 20, 30]) await w.caller.settings.setRetention({ days });
    const first = await w.caller.settings.auditLog({ limit: 2 });
    expect(first.entries.map((e) => e.details)).toEqual([
      { from: 20, to: 30 },
      { from: 10, to: 20 },
    ]);
    expect(first.entries[0]).toMatchObject({
      actorUserId: w.admin,
      actorName: 'A admin',
      ipAddress: '203.0.113.7',
      action: 'retention.updated',
    });
    const second = await w.caller.settings.auditLog({ limit: 2, cursor: first.nextCursor! });
    expect(second.entries.map((e) => e.details)).toEqual([{ from: null, to: 10 }]);
    expect(second.nextCursor).toBeNull();
  });

  it('cannot be changed by the app', async () => {
    const w = await workspace('Append only');
    await w.caller.settings.setRetention({ days: 5 });
    await expect(
      withTenant(t.db, w.tenantId, (tx) => tx.delete(schema.auditLog)),
    ).rejects.toThrow();
  });
});
