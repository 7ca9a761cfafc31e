// A customer's email reply lands in the ticket its signed reply address names, in that
// workspace only; unsigned, forged and repeated deliveries are refused or ignored.
import { randomUUID } from 'node:crypto';
import { asUserId, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../conversations';
import { getTicket } from '../tickets/get-ticket';
import { replyToTicket } from '../conversations/reply-to-ticket';
import { newMember, newWorkspace } from '../testing';
import { receiveTicketReply } from './receive-ticket-reply';
import { readReplyAddress, ticketReplyAddress } from './reply-address';

const domain = 'reply.replyline.test';
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

async function workspaceWithTicket(name: string) {
  const tenantId = (await newWorkspace(t.db, name)).tenantId as TenantId;
  const userId = asUserId(await newMember(t.db, tenantId, 'agent'));
  const { ticketId } = await createTicket(t.db, tenantId, userId, {
    subject: 'Broken tent pole',
    customerEmail: 'ann@example.com',
    message: 'My tent arrived broken.',
  });
  await withTenant(t.db, tenantId, (tx) =>
    tx
      .update(schema.tickets)
      .set({ status: 'pending' })
      .where(and(eq(schema.tickets.tenantId, tenantId), eq(schema.tickets.id, ticketId))),
  );
  return { tenantId, ticketId };
}

const repliesOf = async (tenantId: TenantId, ticketId: string) =>
  ((await getTicket(t.db, tenantId, ticketId))?.history ?? [])
    .filter((e) => e.type === 'ticket_customer_replied')
    .map((e) => (e.data as { reply: string }).reply);

describe('email replies to tickets', () => {
  it('land in the ticket the address names, reopen it, and never reach another workspace', async () => {
    const a = await workspaceWithTicket('Acme');
    const b = await workspaceWithTicket('Birch');
    // Both workspaces have a ticket #1: the address, not the number, decides.
    const address = ticketReplyAddress(a.tenantId, 1, domain);
    const received = await receiveTicketReply(
      t.db,
      {
        to: ['support@acme.example', `Acme Support <${address}>`],
        from: 'Ann Berg <ann@example.com>',
        subject: 'Re: [Birch] ticket #1',
        text: 'Friday works.\n\nOn Mon, Acme wrote:\n> When can we come?',
        deliveryId: randomUUID(),
      },
      { domain },
    );
    expect(received).toEqual({
      status: 'threaded',
      tenantId: a.tenantId,
      ticketId: a.ticketId,
      ticketNumber: 1,
      attachmentsKept: 0,
      attachmentsNote: null,
    });
    expect(await repliesOf(a.tenantId, a.ticketId)).toEqual(['Friday works.']);
    expect(await repliesOf(b.tenantId, b.ticketId)).toEqual([]);
    expect((await getTicket(t.db, a.tenantId, a.ticketId))?.ticket.status).toBe('open');
    expect((await getTicket(t.db, b.tenantId, b.ticketId))?.ticket.status).toBe('pending');
  });

  it('an agent’s emailed reply carries the ticket’s address, and the answer to it comes back', async () => {
    const a = await workspaceWithTicket('Dune');
    const agent = asUserId(await newMember(t.db, a.tenantId, 'agent'));
    const queue = { send: async () => 'job' };
    const sent = await replyToTicket({ db: t.db, queue }, a.tenantId, a.ticketId, {
      authorUserId: agent,
      content: 'A new pole is on its way.',
    });
    const [row] = await t.db
      .select({ metadata: schema.outboundEmails.metadata })
      .from(schema.outboundEmails)
      .where(eq(schema.outboundEmails.id, sent!.emailId));
    const replyTo = String(row!.metadata.replyTo);
    expect(readReplyAddress(replyTo)).toEqual({ tenantId: a.tenantId, ticketNumber: 1 });
    const domainOfAddress = replyTo.split('@')[1]!;
    expect(
      await receiveTicketReply(
        t.db,
        {
          to: [replyTo],
          from: 'ann@example.com',
          text: 'Got it, thanks!',
          deliveryId: randomUUID(),
        },
        { domain: domainOfAddress },
      ),
    ).toMatchObject({ status: 'threaded', ticketId: a.ticketId });
  });

  it('refuse mail without a signed address, whatever its subject or sender, and thread a redelivery once', async () => {
    const a = await workspaceWithTicket('Cedar');
    const base = { from: 'ann@example.com', subject: 'Re: ticket #1', text: 'Hello?' };
    await expect(
      receiveTicketReply(
        t.db,
        { ...base, to: [`support@${domain}`], deliveryId: randomUUID() },
        { domain },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    // One character of the token changed, inside the MAC: refused.
    const signed = ticketReplyAddress(a.tenantId, 1, domain);
    const at = signed.indexOf('@') - 5;
    const forged = `${signed.slice(0, at)}${signed[at] === 'a' ? 'b' : 'a'}${signed.slice(at + 1)}`;
    await expect(
      receiveTicketReply(t.db, { ...base, to: [forged], deliveryId: randomUUID() }, { domain }),
    ).rejects.toMatchObject({ code: 'not_found' });

    const deliveryId = randomUUID();
    const email = { ...base, to: [ticketReplyAddress(a.tenantId, 1, domain)], deliveryId };
    expect(await receiveTicketReply(t.db, email, { domain })).toMatchObject({ status: 'threaded' });
    expect(await receiveTicketReply(t.db, email, { domain })).toEqual({ status: 'duplicate' });
    expect(await repliesOf(a.tenantId, a.ticketId)).toEqual(['Hello?']);

    // A ticket number the workspace does not have: refused, and nothing recorded.
    await expect(
      receiveTicketReply(
        t.db,
        { ...base, to: [ticketReplyAddress(a.tenantId, 99, domain)], deliveryId: randomUUID() },
        { domain },
      ),
    ).rejects.toThrow('does not exist any more');
  });
});
