import { randomBytes } from 'node:crypto';
import { escalateConversation } from '@replyline/core';
import { handleStripeWebhook, type Stripe } from '@replyline/billing';
import {
  eventObject,
  signedWebhook,
  subscriptionObject,
  TEST_WEBHOOK_SECRET,
  useStripeTestbed,
} from '@replyline/billing/testing';
import { asUserId, schema, withTenant, type TenantId } from '@replyline/db';
import { addTextDocument, processDocument } from '@replyline/rag';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '@replyline/core';
import { callerWith, recordingEnqueue } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';
import { seedConversation } from '../testing/seed-conversations';

const t = useStripeTestbed();

async function workspace(services: { stripe?: Stripe } = {}) {
  const name = `Deleted ${randomBytes(4).toString('hex')}`;
  const { tenantId } = await newWorkspace(t.db, name);
  const owner = await newMember(t.db, tenantId, 'owner');
  const enqueue = recordingEnqueue().enqueue;
  return {
    name,
    tenantId,
    owner,
    caller: callerWith(t.db, owner, tenantId, { enqueue, ...services }),
  };
}

/** Rows in as many tenant tables as a short setup reaches: chats, tickets, knowledge, team, usage, SSO, audit. */
async function fillWorkspace(tenantId: TenantId, ownerId: string) {
  const conversationId = await seedConversation(t.db, tenantId, {
    messages: [{ role: 'visitor', content: 'Where is my parcel?' }],
  });
  await escalateConversation(t.db, tenantId, conversationId, {
    email: 'customer@example.com',
    message: 'Call me',
  });
  const deps = { db: t.db, queue: { send: async () => null } };
  const { documentId } = await addTextDocument(deps, tenantId, {
    title: 'Returns',
    text: 'Returns are free for 30 days.',
    format: 'text',
  });
  await processDocument(deps, tenantId, documentId);
  await withTenant(t.db, tenantId, async (tx) => {
    await tx.insert(schema.invitations).values({
      tenantId,
      email: 'invited@example.com',
      role: 'agent',
      tokenHash: randomBytes(16).toString('hex'),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await tx.insert(schema.usageRecords).values({
      tenantId,
      kind: 'ai_reply',
      quantity: 1,
      idempotencyKey: `reply:${randomBytes(4).toString('hex')}`,
    });
    await tx.insert(schema.ssoConnections).values({
      tenantId,
      issuer: 'https://idp.example',
      clientId: 'client',
      clientSecretEncrypted: 'x',
      emailDomain: `${randomBytes(4).toString('hex')}.example`,
      domainVerificationToken: 'token',
    });
    await recordAudit(
      tx,
      { tenantId, userId: asUserId(ownerId), requestIp: null },
      {
        action: 'test.filled',
      },
    );
  });
}

/** Rows per table with a tenant_id column, listed from the catalogue, for one tenant. */
async function rowsPerTenantTable(tenantId: TenantId): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await t.asOwnerThenRollback(async (query) => {
    await query(`set local app.tenant_id = '${tenantId}'`);
    const tables = (await query(`
      select c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r' order by 1`)) as { name: string }[];
    for (const { name } of tables) {
      const [row] = await query(
        `select count(*)::int as n from "${name}" where tenant_id = '${tenantId}'`,
      );
      counts[name] = Number(row?.n ?? 0);
    }
  });
  return counts;
}

const tenantExists = async (tenantId: TenantId) =>
  (await t.db.$count(schema.tenants, eq(schema.tenants.id, tenantId))) === 1;

describe('deleting a workspace', () => {
  it('removes a row from every tenant table, and no other workspace loses one', async () => {
    const w = await workspace();
    const other = await workspace();
    await fillWorkspace(w.tenantId, w.owner);
    await fillWorkspace(other.tenantId, other.owner);
    const before = await rowsPerTenantTable(w.tenantId);
    const filled = Object.entries(before)
      .filter(([, n]) => n > 0)
      .map(([table]) => table);
    expect(filled).toEqual(
      expect.arrayContaining([
        'audit_log',
        'chunks',
        'conversations',
        'document_files',
        'documents',
        'events',
        'invitations',
        'memberships',
        'messages',
        'search_corpus',
        'search_terms',
        'sso_connections',
        'tickets',
        'usage_records',
      ]),
    );
    const otherBefore = await rowsPerTenantTable(other.tenantId);

    const result = await w.caller.workspace.delete({ confirmName: w.name });
    expect(result).toMatchObject({
      subscriptionCanceled: false,
      receipt: expect.stringMatching(/^workspace:/),
    });
    expect(JSON.stringify(result)).not.toContain(w.tenantId);

    const after = await rowsPerTenantTable(w.tenantId);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(await tenantExists(w.tenantId)).toBe(false);
    expect(await rowsPerTenantTable(other.tenantId)).toEqual(otherBefore);
  });

  it('refuses without the exact workspace name, and deletes nothing', async () => {
    const w = await workspace();
    for (const confirmName of ['', 'deleted', `${w.name}x`])
      await expect(w.caller.workspace.delete({ confirmName })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining(w.name),
      });
    expect(await tenantExists(w.tenantId)).toBe(true);
    await expect(
      callerWith(t.db, await newMember(t.db, w.tenantId, 'admin'), w.tenantId).workspace.delete({
        confirmName: w.name,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("signs no one out: the owner's account, session and other workspaces stay", async () => {
    const w = await workspace();
    const elsewhere = await newWorkspace(t.db, 'Still here');
    await withTenant(t.db, elsewhere.tenantId, (tx) =>
      tx
        .insert(schema.memberships)
        .values({ tenantId: elsewhere.tenantId, userId: w.owner, role: 'agent' }),
    );
    const sessionToken = randomBytes(16).toString('hex');
    await t.db
      .insert(schema.sessions)
      .values({ sessionToken, userId: w.owner, expires: new Date(Date.now() + 86_400_000) });

    await w.caller.workspace.delete({ confirmName: ` ${w.name} ` });

    expect(await t.db.$count(schema.sessions, eq(schema.sessions.sessionToken, sessionToken))).toBe(
      1,
    );
    const list = await callerWith(t.db, w.owner, null).workspace.list();
    expect(list).toEqual([{ id: elsewhere.tenantId, name: 'Still here', role: 'agent' }]);
  });

  it('cancels a paid Stripe subscription first; its ending event then finds no workspace', async () => {
    const w = await workspace({ stripe: t.stripe });
    const customer = `cus_${randomBytes(6).toString('hex')}`;
    const subscription = subscriptionObject({ customer, status: 'active', plan: 'pro' });
    t.stub.subscriptions.set(subscription.id, subscription);
    await t.db
      .update(schema.tenants)
      .set({
        plan: 'pro',
        stripeCustomerId: customer,
        stripeSubscriptionId: subscription.id,
        subscriptionStatus: 'active',
      })
      .where(eq(schema.tenants.id, w.tenantId));

    // Stripe failing: nothing is deleted, the owner can try again.
    t.stub.failNext(`/v1/subscriptions/${subscription.id}`, 1);
    await expect(w.caller.workspace.delete({ confirmName: w.name })).rejects.toThrow();
    expect(await tenantExists(w.tenantId)).toBe(true);

    expect(await w.caller.workspace.delete({ confirmName: w.name })).toMatchObject({
      subscriptionCanceled: true,
    });
    const cancel = t.stub.requests.filter(
      (r) => r.method === 'DELETE' && r.path.endsWith(subscription.id),
    );
    expect(cancel.length).toBeGreaterThanOrEqual(1);
    expect(t.stub.subscriptions.get(subscription.id)?.status).toBe('canceled');

    const ended = eventObject(
      'customer.subscription.deleted',
      t.stub.subscriptions.get(subscription.id)!,
    );
    const delivered = await handleStripeWebhook(t.db, t.stripe, {
      ...signedWebhook(ended),
      secret: TEST_WEBHOOK_SECRET,
    });
    expect(delivered.status).toBe('ignored');
  });
});
