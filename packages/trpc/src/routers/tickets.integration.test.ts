import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escalateConversation } from '@replyline/core';
import { openQueue, QUEUES, schema } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyTicketCreated } from '@replyline/core/tickets';
import { signWebhook } from '@replyline/core/webhooks';
import { startWebhookWorker } from '@replyline/core/webhooks';
import { callerWith, recordingEnqueue } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';
import { seedConversation } from '../testing/seed-conversations';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

async function team(name: string) {
  const tenantId = (await newWorkspace(t.db, name)).tenantId;
  const [owner, admin, agent] = [
    await newMember(t.db, tenantId, 'owner'),
    await newMember(t.db, tenantId, 'admin'),
    await newMember(t.db, tenantId, 'agent'),
  ];
  const queue = recordingEnqueue();
  const as = (userId: string) =>
    callerWith(t.db, userId, tenantId, {
      enqueue: queue.enqueue,
      dashboardUrl: 'https://app.replyline.test',
    });
  return { tenantId, owner, admin, agent, jobs: queue.jobs, as };
}

async function emailsAbout(ticketId: string) {
  return t.db
    .select({
      to: schema.outboundEmails.to,
      template: schema.outboundEmails.template,
      text: schema.outboundEmails.text,
    })
    .from(schema.outboundEmails)
    .where(sql`${schema.outboundEmails.metadata}->>'ticketId' = ${ticketId}`);
}

async function emailOf(userId: string) {
  const [user] = await t.db
    .select({ email: schema.users.email })
    .from(schema.users)
    .where(sql`${schema.users.id} = ${userId}`);
  return user!.email;
}

describe('tickets', () => {
  it('are made by hand, numbered after escalations, and announced to owners and admins', async () => {
    const w = await team('Made by hand');
    const conversationId = await seedConversation(t.db, w.tenantId);
    await escalateConversation(t.db, w.tenantId, conversationId, {
      email: 'anna@example.com',
      message: 'My sofa arrived broken',
    });
    const created = await w.as(w.agent).tickets.create({
      subject: 'Called about a delivery date',
      customerEmail: 'bo@example.com',
      customerName: 'Bo',
      message: 'Wants the move on Friday instead.',
      priority: 'high',
      category: 'booking',
    });
    expect(created.ticketNumber).toBe(2);

    const emails = await emailsAbout(created.ticketId);
    expect(emails.map((e) => e.to).sort()).toEqual(
      [await emailOf(w.owner), await emailOf(w.admin)].sort(),
    );
    expect(emails[0]).toMatchObject({ template: 'ticket-created' });
    expect(emails[0]!.text).toContain('Wants the move on Friday instead.');
    expect(emails[0]!.text).toContain(`https://app.replyline.test/tickets/${created.ticketId}`);
    // No webhook set: only the two emails were queued.
    expect(w.jobs.map((j) => j.queue)).toEqual([QUEUES.sendEmail, QUEUES.sendEmail]);
  });

  it('queue a Slack-compatible webhook post when the workspace set an address', async () => {
    const w = await team('With webhook');
    await w.as(w.admin).settings.setWebhook({ url: 'https://hooks.slack.test/services/T/B/x' });
    const { ticketId } = await w.as(w.agent).tickets.create({
      subject: 'Invoice <wrong> & late',
      customerEmail: 'cy@example.com',
    });
    const job = w.jobs.find((j) => j.queue === QUEUES.outgoingWebhook)!;
    expect(job.options).toMatchObject({ retryLimit: 5, retryBackoff: true });
    // Ids only: the post is built at delivery (domain/webhooks/deliver-webhook tests).
    expect(job.data).toEqual({ tenantId: w.tenantId, ticketId, event: 'ticket.created' });
  });

  it('list with filters, and show one with its conversation and history', async () => {
    const w = await team('Lists');
    const conversationId = await seedConversation(t.db, w.tenantId);
    const { ticketId: fromChat } = await escalateConversation(t.db, w.tenantId, conversationId, {
      email: 'dee@example.com',
      message: 'Where is my truck?',
    });
    const agentCaller = w.as(w.agent);
    const { ticketId: byHand } = await agentCaller.tickets.create({
      subject: 'Refund request',
      customerEmail: 'eli@example.com',
      category: 'refund',
      assigneeUserId: w.agent,
    });
    const numbers = async (filter: Parameters<typeof agentCaller.tickets.list>[0]) =>
      (await agentCaller.tickets.list(filter)).tickets.map((x) => x.id);
    expect(await numbers({})).toEqual([byHand, fromChat]);
    expect(await numbers({ assignee: 'me' })).toEqual([byHand]);
    expect(await numbers({ assignee: 'unassigned' })).toEqual([fromChat]);
    expect(await numbers({ category: 'refund' })).toEqual([byHand]);
    expect(await numbers({ search: 'truck' })).toEqual([fromChat]);
    expect(await numbers({ search: 'DEE@' })).toEqual([fromChat]);
    const firstPage = await agentCaller.tickets.list({ limit: 1 });
    expect(await numbers({ limit: 1, cursor: firstPage.nextCursor! })).toEqual([fromChat]);

    const detail = await agentCaller.tickets.get({ ticketId: fromChat });
    expect(detail.ticket).toMatchObject({ number: 1, customerEmail: 'dee@example.com' });
    expect(detail.conversation).toMatchObject({ id: conversationId, status: 'escalated' });
    expect(detail.customerMessage).toBe('Where is my truck?');
    const manual = await agentCaller.tickets.get({ ticketId: byHand });
    expect(manual.conversation).toBeNull();
    expect(manual.history.map((h) => h.type)).toEqual(['ticket_created']);
  });

  it('change status, priority, category and assignee; only members can be assigned', async () => {
    const w = await team('Updates');
    const caller = w.as(w.agent);
    const { ticketId } = await caller.tickets.create({
      subject: 'Help',
      customerEmail: 'f@example.com',
    });
    await caller.tickets.update({
      ticketId,
      status: 'pending',
      priority: 'urgent',
      category: 'damage',
      assigneeUserId: w.admin,
    });
    expect((await caller.tickets.get({ ticketId })).ticket).toMatchObject({
      status: 'pending',
      priority: 'urgent',
      category: 'damage',
      assigneeUserId: w.admin,
      assigneeName: 'A admin',
    });
    await caller.tickets.update({ ticketId, category: null, assigneeUserId: null });
    expect((await caller.tickets.get({ ticketId })).ticket).toMatchObject({
      category: null,
      assigneeUserId: null,
    });

    const stranger = await newMember(t.db, (await newWorkspace(t.db, 'Else')).tenantId, 'agent');
    await expect(
      caller.tickets.update({ ticketId, assigneeUserId: stranger }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { history, names } = await caller.tickets.get({ ticketId });
    expect(history.map((h) => h.type)).toEqual([
      'ticket_created',
      'ticket_updated',
      'ticket_updated',
    ]);
    // The history's people by name: who changed it, and who it was given to.
    expect(names).toEqual({ [w.agent]: 'A agent', [w.admin]: 'A admin' });
  });

  it('reply to the customer by email, recorded in the ticket and its conversation', async () => {
    const w = await team('Replies');
    const conversationId = await seedConversation(t.db, w.tenantId);
    const { ticketId } = await escalateConversation(t.db, w.tenantId, conversationId, {
      email: 'gus@example.com',
      message: 'Can I change the date?',
    });
    const caller = w.as(w.agent);
    const { emailId } = await caller.tickets.reply({ ticketId, content: 'Yes, Friday works.' });
    const [email] = (await emailsAbout(ticketId)).filter((e) => e.template === 'ticket-reply');
    expect(email).toMatchObject({ to: 'gus@example.com' });
    expect(email!.text).toContain('Yes, Friday works.');
    expect(w.jobs.at(-1)).toMatchObject({ queue: QUEUES.sendEmail, data: { emailId } });

    const detail = await caller.tickets.get({ ticketId });
    expect(detail.ticket.status).toBe('pending');
    expect(detail.history.at(-1)).toMatchObject({
      type: 'ticket_replied',
      data: { emailId, reply: 'Yes, Friday works.' },
    });
    const { messages } = await caller.inbox.transcript({ conversationId });
    expect(messages.at(-1)).toMatchObject({ role: 'note' });
    expect(messages.at(-1)!.content).toContain('Yes, Friday works.');
  });

  it('answer "not found" for a ticket of another workspace', async () => {
    const w = await team('Mine');
    const other = await team('Theirs');
    const { ticketId } = await other.as(other.agent).tickets.create({
      subject: 'Secret',
      customerEmail: 'h@example.com',
    });
    const caller = w.as(w.agent);
    await expect(caller.tickets.get({ ticketId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.tickets.update({ ticketId, status: 'closed' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.tickets.reply({ ticketId, content: 'hi' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await other.as(other.agent).tickets.get({ ticketId })).ticket.status).toBe('open');
  });
});

describe('the ticket webhook', () => {
  it('accepts https addresses (and localhost outside production) and refuses others', async () => {
    const w = await team('Webhook settings');
    const admin = w.as(w.admin).settings;
    for (const url of [
      'http://hooks.example.com/x',
      'ftp://x.example',
      'https://10.0.0.8/x',
      'nope',
    ])
      await expect(admin.setWebhook({ url })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { secret } = await admin.setWebhook({ url: 'http://localhost:9/hook' });
    expect(secret).toMatch(/^whsec_/);
    expect(await admin.webhook()).toEqual({ url: 'http://localhost:9/hook', hasSecret: true });
    await admin.clearWebhook();
    expect(await admin.webhook()).toEqual({ url: null, hasSecret: false });
  });

  it('is posted, signed, and delivered after a failed attempt', async () => {
    const stub = await startWebhookStub([500, 200]);
    const boss = await openQueue(t.queueTarget, {
      supervise: false,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    boss.on('error', () => undefined);
    try {
      await startWebhookWorker(boss, { db: t.db, allowLocal: true });
      const w = await team('Delivery');
      const { secret } = await w.as(w.admin).settings.setWebhook({ url: stub.url });
      const { ticketId } = await w.as(w.agent).tickets.create({
        subject: 'Broken mirror',
        customerEmail: 'ida@example.com',
      });
      const sent = await notifyTicketCreated(
        {
          db: t.db,
          queue: boss,
          dashboardUrl: 'https://app.replyline.test',
          webhookRetry: { retryDelay: 0, retryBackoff: false },
        },
        w.tenantId,
        ticketId,
      );
      expect(sent).toEqual({ emails: 2, webhook: true });

      await expect.poll(() => stub.requests.length, { timeout: 20_000, interval: 200 }).toBe(2);
      const [failed, delivered] = stub.requests;
      expect(failed!.body).toBe(delivered!.body);
      expect(JSON.parse(delivered!.body)).toMatchObject({
        text: 'New ticket #1 from ida@example.com: Broken mirror',
      });
      expect(delivered!.headers['content-type']).toBe('application/json');
      expect(delivered!.headers['x-replyline-event']).toBe('ticket.created');
      const signature = String(delivered!.headers['x-replyline-signature']);
      const timestamp = Number(/t=(\d+)/.exec(signature)![1]);
      expect(signature).toBe(signWebhook(secret!, delivered!.body, timestamp));
      // Delivered: no further attempts.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(stub.requests).toHaveLength(2);
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
      await stub.close();
    }
  });
});

interface StubRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver answering each post with the next status of `statuses` (then 200). */
async function startWebhookStub(statuses: number[]) {
  const requests: StubRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses[requests.length - 1] ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/hook`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
