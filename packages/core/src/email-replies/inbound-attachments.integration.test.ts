// Files attached to a customer's email reply are kept with the ticket the signed address names:
// allowed ones stored, the rest named in a note on the ticket; another workspace reaches none
// of them, neither through the app's scope nor past row-level security.
import { randomUUID } from 'node:crypto';
import { asUserId, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../conversations';
import { getTicket } from '../tickets/get-ticket';
import { readTicketAttachment } from '../tickets/ticket-attachments';
import { newMember, newWorkspace } from '../testing';
import type { IncomingAttachment } from './inbound-attachments';
import { receiveTicketReply } from './receive-ticket-reply';
import { ticketReplyAddress } from './reply-address';

const domain = 'reply.replyline.test';
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(600, 7),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

function file(filename: string, contentType: string, bytes: Buffer): IncomingAttachment {
  return { filename, contentType, read: async () => bytes };
}

async function workspaceWithTicket(name: string) {
  const tenantId = (await newWorkspace(t.db, name)).tenantId as TenantId;
  const userId = asUserId(await newMember(t.db, tenantId, 'agent'));
  const { ticketId } = await createTicket(t.db, tenantId, userId, {
    subject: 'Broken tent pole',
    customerEmail: 'ann@example.com',
    message: 'My tent arrived broken.',
  });
  return { tenantId, ticketId };
}

const reply = (tenantId: TenantId, attachments: IncomingAttachment[], text = 'Photos attached.') =>
  receiveTicketReply(
    t.db,
    {
      to: [ticketReplyAddress(tenantId, 1, domain)],
      from: 'Ann <ann@example.com>',
      text,
      deliveryId: randomUUID(),
      attachments,
    },
    { domain, attachmentLimits: { maxFileBytes: 64 * 1024, maxEmailBytes: 100 * 1024 } },
  );

describe('attachments of email replies', () => {
  it('keeps both files of a reply on the ticket its address names, listed with the reply', async () => {
    const a = await workspaceWithTicket('Acme');
    const b = await workspaceWithTicket('Birch');
    const outcome = await reply(a.tenantId, [
      file('pole.png', 'image/png', PNG),
      file('receipt.pdf', 'application/octet-stream', PDF),
    ]);
    expect(outcome).toMatchObject({
      status: 'threaded',
      attachmentsKept: 2,
      attachmentsNote: null,
    });

    const ticket = await getTicket(t.db, a.tenantId, a.ticketId);
    expect(ticket?.attachments.map((f) => [f.filename, f.contentType, f.sizeBytes])).toEqual([
      ['pole.png', 'image/png', PNG.length],
      ['receipt.pdf', 'application/pdf', PDF.length],
    ]);
    const replied = ticket!.history.find((e) => e.type === 'ticket_customer_replied')!;
    expect(replied.data.attachments).toEqual(
      ticket!.attachments.map((f) => ({ id: f.id, filename: f.filename, sizeBytes: f.sizeBytes })),
    );
    expect(ticket!.attachments.every((f) => f.eventId === replied.id)).toBe(true);
    const pdf = ticket!.attachments[1]!;
    const read = await readTicketAttachment(t.db, a.tenantId, a.ticketId, pdf.id);
    expect(read.bytes.equals(PDF)).toBe(true);
    expect((await getTicket(t.db, b.tenantId, b.ticketId))?.attachments).toEqual([]);
  });

  it('refuses a disallowed type and an oversize file with a note on the ticket, keeping the rest', async () => {
    const a = await workspaceWithTicket('Cedar');
    const outcome = await reply(a.tenantId, [
      file('invoice.exe', 'application/x-msdownload', Buffer.from('MZ...')),
      file('scan.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(70 * 1024)])),
      file('notes.txt', 'text/plain', Buffer.from('Order 1001')),
    ]);
    const note =
      '2 attachments not kept: invoice.exe (type not allowed), scan.pdf (larger than 64 KB)';
    expect(outcome).toMatchObject({
      status: 'threaded',
      attachmentsKept: 1,
      attachmentsNote: note,
    });
    const ticket = await getTicket(t.db, a.tenantId, a.ticketId);
    expect(ticket?.attachments.map((f) => f.filename)).toEqual(['notes.txt']);
    const replied = ticket!.history.find((e) => e.type === 'ticket_customer_replied')!;
    expect(replied.data.attachmentsNote).toBe(note);
    // The chat the ticket came from (none here) is not needed to see the note: the history has it.

    // One refused alone reads in the singular; a disguised file and the email's cap are named too.
    const one = await reply(a.tenantId, [file('invoice.exe', 'application/pdf', PDF)]);
    expect(one).toMatchObject({
      attachmentsNote: '1 attachment not kept: invoice.exe (type not allowed)',
    });
    const disguised = await reply(a.tenantId, [file('photo.png', 'image/png', PDF)]);
    expect(disguised).toMatchObject({
      attachmentsNote: '1 attachment not kept: photo.png (content does not match its type)',
    });
    const big = Buffer.concat([PDF, Buffer.alloc(60 * 1024)]);
    const capped = await reply(a.tenantId, [
      file('a.pdf', 'application/pdf', big),
      file('b.pdf', 'application/pdf', big),
    ]);
    expect(capped).toMatchObject({
      attachmentsKept: 1,
      attachmentsNote: "1 attachment not kept: b.pdf (the email's files are over 100 KB)",
    });
    // A reply that is only files (no words above the quote) is threaded too.
    expect(
      await reply(a.tenantId, [file('pole.png', 'image/png', PNG)], '> quoted only'),
    ).toMatchObject({
      status: 'threaded',
      attachmentsKept: 1,
    });
  });

  it('tells the chat a ticket came from which files arrived and which were not kept', async () => {
    const tenantId = (await newWorkspace(t.db, 'Fjord')).tenantId as TenantId;
    const userId = asUserId(await newMember(t.db, tenantId, 'agent'));
    const conversationId = await withTenant(t.db, tenantId, async (tx) => {
      const [row] = await tx
        .insert(schema.conversations)
        .values({ tenantId, visitorId: 'v-fjord' })
        .returning({ id: schema.conversations.id });
      return row!.id;
    });
    await createTicket(t.db, tenantId, userId, {
      subject: 'Broken tent pole',
      customerEmail: 'ann@example.com',
      conversationId,
    });
    await reply(tenantId, [
      file('pole.png', 'image/png', PNG),
      file('run.js', 'text/javascript', Buffer.from('alert(1)')),
    ]);
    const chat = await withTenant(t.db, tenantId, (tx) =>
      tx
        .select({ content: schema.messages.content })
        .from(schema.messages)
        .where(eq(schema.messages.conversationId, conversationId))
        .orderBy(asc(schema.messages.createdAt)),
    );
    expect(chat.at(-1)!.content).toBe(
      'Photos attached.\n\nAttached to the ticket: pole.png (1 KB)\n\n1 attachment not kept: run.js (type not allowed)',
    );
  });

  it('another workspace cannot read them, by the app scope or past row-level security', async () => {
    const a = await workspaceWithTicket('Dune');
    const b = await workspaceWithTicket('Elm');
    await reply(a.tenantId, [file('pole.png', 'image/png', PNG)]);
    const [kept] = (await getTicket(t.db, a.tenantId, a.ticketId))!.attachments;

    await expect(
      readTicketAttachment(t.db, b.tenantId, a.ticketId, kept!.id),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      readTicketAttachment(t.db, b.tenantId, b.ticketId, kept!.id),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    // Row-level security alone: B's scope, no tenant filter in the query.
    const seen = await withTenant(t.db, b.tenantId, (tx) =>
      tx
        .select({ id: schema.ticketAttachments.id })
        .from(schema.ticketAttachments)
        .where(eq(schema.ticketAttachments.id, kept!.id)),
    );
    expect(seen).toEqual([]);
    await expect(
      withTenant(t.db, b.tenantId, (tx) =>
        tx.insert(schema.ticketAttachments).values({
          tenantId: a.tenantId,
          ticketId: a.ticketId,
          filename: 'planted.txt',
          contentType: 'text/plain',
          sizeBytes: 2,
          bytes: Buffer.from('hi'),
        }),
      ),
    ).rejects.toThrow();
  });
});
