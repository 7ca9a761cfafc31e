// "Notify me on this device" through the dashboard's procedures: a member's subscription is
// stored for them in their workspace, a bad one is refused in words, and assigning a chat or a
// ticket to someone else queues a push to their devices (never for taking it yourself).
import { schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { newBrowserKeys } from '@replyline/core/push/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import { callerWith, recordingEnqueue } from '../testing/callers';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 180_000);
afterAll(async () => t?.close());

async function team() {
  const tenantId = (await newWorkspace(t.db, 'Push Team')).tenantId as TenantId;
  const owner = await newMember(t.db, tenantId, 'owner');
  const agent = await newMember(t.db, tenantId, 'agent');
  const queue = recordingEnqueue();
  const as = (userId: string) => callerWith(t.db, userId, tenantId, { enqueue: queue.enqueue });
  const device = { endpoint: `https://push.example.test/${agent}`, keys: newBrowserKeys().json };
  return { tenantId, owner, agent, queue, as, device };
}

describe('push procedures', () => {
  it('subscribe, status and unsubscribe act on my own subscription on this device', async () => {
    const w = await team();
    const me = w.as(w.agent);
    expect((await me.push.publicKey()).publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(await me.push.status({ endpoint: w.device.endpoint })).toEqual({
      subscribed: false,
      notifyUnassigned: false,
    });
    await me.push.subscribe({
      ...w.device,
      notifyUnassigned: true,
      deviceLabel: 'Chrome on Android',
    });
    expect(await me.push.status({ endpoint: w.device.endpoint })).toEqual({
      subscribed: true,
      notifyUnassigned: true,
    });
    // Someone else cannot end it.
    expect(await w.as(w.owner).push.unsubscribe({ endpoint: w.device.endpoint })).toEqual({
      removed: false,
    });
    expect(await me.push.unsubscribe({ endpoint: w.device.endpoint })).toEqual({ removed: true });
  });

  it('refuses a subscription that is not one, saying what is wrong', async () => {
    const w = await team();
    await expect(
      w.as(w.agent).push.subscribe({ ...w.device, keys: { ...w.device.keys, p256dh: 'short' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      w.as(w.agent).push.subscribe({ ...w.device, endpoint: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('assigning a chat or ticket to someone else queues a push to their devices', async () => {
    const w = await team();
    await w.as(w.agent).push.subscribe(w.device);
    const conversationId = await withTenant(t.db, w.tenantId, async (tx) => {
      const [row] = await tx
        .insert(schema.conversations)
        .values({ tenantId: w.tenantId, visitorId: 'v-push' })
        .returning({ id: schema.conversations.id });
      return row!.id;
    });
    await w.as(w.owner).inbox.assign({ conversationId, assigneeUserId: w.agent });
    const { ticketId } = await w.as(w.owner).tickets.create({
      subject: 'Broken zip',
      customerEmail: 'c@example.com',
      message: 'The zip broke.',
      assigneeUserId: w.agent,
    });
    // Taking a ticket yourself is no news.
    await w.as(w.agent).tickets.update({ ticketId, assigneeUserId: w.agent });
    const pushes = w.queue.jobs.filter((j) => j.queue === 'push-delivery').map((j) => j.data);
    expect(pushes).toEqual([
      expect.objectContaining({ kind: 'chat.assigned', conversationId, tenantId: w.tenantId }),
      expect.objectContaining({ kind: 'ticket.assigned', ticketId, tenantId: w.tenantId }),
    ]);
  });
});
