// After each kind of delete (one customer, one document, a whole workspace), a marker written
// into the deleted data is found in no table of any schema, the job queue included. A second
// workspace holds the identical marker and keeps it: the search can see what it looks for.
import { randomBytes } from 'node:crypto';
import { escalateConversation } from '@replyline/core';
import {
  openQueue,
  QUEUES,
  queryRows,
  schema,
  withTenant,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { addTextDocument, processDocument } from '@replyline/rag';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerWith } from './testing/callers';
import { notifyTicketCreated } from '@replyline/core/tickets';
import { newMember, newWorkspace } from './testing';
import { searchEveryTable, type MarkerSearch } from './testing/marker-search';
import { seedConversation } from './testing/seed-conversations';

let t: TestDatabase;
let boss: PgBoss;
beforeAll(async () => {
  t = await openTestDatabase();
  // No worker runs: every job stays where the test puts it.
  boss = await openQueue(t.queueTarget, { supervise: false, schedule: false });
  boss.on('error', () => undefined);
}, 120_000);
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await t?.close();
});

const newMarker = () => `mk${randomBytes(8).toString('hex')}`;

async function workspace(marker: string) {
  const { tenantId } = await newWorkspace(t.db, `Shop ${marker}`);
  const owner = await newMember(t.db, tenantId, 'owner');
  const services = {
    enqueue: (q: string, d: object, o?: object) => boss.send(q, d, o ?? {}),
    dashboardUrl: 'http://localhost:3001',
  };
  return { tenantId, owner, caller: callerWith(t.db, owner, tenantId, services) };
}
type Workspace = Awaited<ReturnType<typeof workspace>>;

/**
 * One customer's whole trail: a chat and a ticket naming them, the team's email about it and
 * the reply to them (both queued), and the ticket's webhook post, delivered and then archived
 * as pg-boss does after a while.
 */
async function customerTrail(w: Workspace, marker: string) {
  const email = `${marker}@example.com`;
  await withTenant(t.db, w.tenantId, (tx) =>
    tx
      .update(schema.tenants)
      .set({ webhookUrl: 'https://hooks.example.test/replyline' })
      .where(eq(schema.tenants.id, w.tenantId)),
  );
  const conversationId = await seedConversation(t.db, w.tenantId, {
    visitorId: `v_${marker}`,
    messages: [{ role: 'visitor', content: `My order for ${marker} is late` }],
  });
  const { ticketId } = await escalateConversation(t.db, w.tenantId, conversationId, {
    email,
    name: `Anna ${marker}`,
    message: `Please call me about ${marker}`,
  });
  await notifyTicketCreated(
    { db: t.db, queue: boss, dashboardUrl: 'http://localhost:3001' },
    w.tenantId,
    ticketId,
  );
  await w.caller.tickets.reply({ ticketId, content: 'We will call you today.' });
  await deliveredAndArchived(w.tenantId);
  return { email, ticketId, conversationId };
}

/** The workspace's webhook job, completed with an output and moved to the archive. */
async function deliveredAndArchived(tenantId: TenantId) {
  const where = sql`name = ${QUEUES.outgoingWebhook} and data->>'tenantId' = ${tenantId}`;
  await queryRows(
    t.db,
    sql`update pgboss.job set state = 'completed', completed_on = now(),
        output = '{"status": 200}'::jsonb where ${where}`,
  );
  await queryRows(
    t.db,
    sql`with moved as (delete from pgboss.job where ${where} returning *)
        insert into pgboss.archive select *, now() from moved`,
  );
}

async function knowledgeDocument(w: Workspace, marker: string) {
  const deps = { db: t.db, queue: { send: async () => null } };
  const { documentId } = await addTextDocument(deps, w.tenantId, {
    title: 'Staff handbook',
    text: `# Vault\n\nThe vault code is ${marker}. Never share it.`,
    format: 'text',
  });
  expect(await processDocument(deps, w.tenantId, documentId)).toBe('ready');
  return documentId;
}

const isQueue = (table: string) => table.startsWith('pgboss.');

async function emailsOf(tenantId: TenantId) {
  const rows = await t.db
    .select({ id: schema.outboundEmails.id })
    .from(schema.outboundEmails)
    .where(sql`${schema.outboundEmails.metadata}->>'tenantId' = ${tenantId}`);
  return rows.map((r) => r.id);
}

const search = (marker: string, ...tenants: TenantId[]) => searchEveryTable(t, marker, tenants);

/** What the control workspace alone leaves in the search, measured before the other exists. */
function expectOnlyControlLeft(after: MarkerSearch, control: MarkerSearch, gone: TenantId) {
  expect(after.byTenant[gone]).toEqual({});
  expect(after.global).toEqual(control.global);
  for (const [tenant, hits] of Object.entries(control.byTenant))
    expect(after.byTenant[tenant]).toEqual(hits);
}

describe('a marker in deleted data is found nowhere afterwards', () => {
  it('customer erasure: chats, tickets, events, emails and every queue job, archive included', async () => {
    const marker = newMarker();
    const control = await workspace(marker);
    await customerTrail(control, marker);
    const controlOnly = await search(marker, control.tenantId);

    const w = await workspace(marker);
    const { email, ticketId, conversationId } = await customerTrail(w, marker);
    const emailIds = await emailsOf(w.tenantId);
    const before = await search(marker, w.tenantId, control.tenantId);
    expect(Object.keys(before.byTenant[w.tenantId]!)).toEqual(
      expect.arrayContaining(['public.messages', 'public.tickets', 'public.conversations']),
    );
    // The search sees this workspace's emails beside the control's.
    expect(before.global['public.outbound_emails']).toBeGreaterThan(
      controlOnly.global['public.outbound_emails']!,
    );
    // Jobs may carry only ids (a webhook job names its ticket, an email job its email): the
    // ids are markers too, and the queue holds each, the delivered webhook in the archive.
    const ids = [ticketId, conversationId, ...emailIds];
    const queued = await Promise.all(ids.map((id) => search(id, w.tenantId)));
    expect(queued.map((found) => Object.keys(found.global).filter(isQueue))).toEqual([
      expect.arrayContaining(['pgboss.archive']),
      [],
      ...emailIds.map(() => expect.arrayContaining([expect.stringMatching(/^pgboss\.j/)])),
    ]);

    const erased = await w.caller.settings.deleteCustomer({ email });
    expect(erased.jobs).toBeGreaterThanOrEqual(3);

    const after = await search(marker, w.tenantId, control.tenantId);
    // The workspace's own name carries the marker too; only the customer's data had to go.
    expectOnlyControlLeft(
      after,
      { ...controlOnly, global: withTenantName(controlOnly) },
      w.tenantId,
    );
    for (const id of ids)
      expect(await search(id, w.tenantId)).toEqual({ global: {}, byTenant: { [w.tenantId]: {} } });
  });

  it('document delete: chunks, stored file and search statistics (search_terms) forget its words', async () => {
    const marker = newMarker();
    const control = await workspace(marker);
    await knowledgeDocument(control, marker);
    const controlOnly = await search(marker, control.tenantId);

    const w = await workspace(marker);
    const documentId = await knowledgeDocument(w, marker);
    const before = await search(marker, w.tenantId, control.tenantId);
    expect(Object.keys(before.byTenant[w.tenantId]!)).toEqual(
      expect.arrayContaining(['public.chunks', 'public.document_files', 'public.search_terms']),
    );

    await w.caller.knowledge.delete({ documentId });

    const after = await search(marker, w.tenantId, control.tenantId);
    expect(after.byTenant[control.tenantId]).toHaveProperty(['public.search_terms']);
    expectOnlyControlLeft(
      after,
      { ...controlOnly, global: withTenantName(controlOnly) },
      w.tenantId,
    );
  });

  it('workspace delete: every row of it, its emails and its jobs', async () => {
    const marker = newMarker();
    const control = await workspace(marker);
    await customerTrail(control, marker);
    await knowledgeDocument(control, marker);
    const controlOnly = await search(marker, control.tenantId);

    const w = await workspace(marker);
    await customerTrail(w, marker);
    await knowledgeDocument(w, marker);
    await t.db
      .update(schema.tenants)
      .set({ plan: 'business' })
      .where(eq(schema.tenants.id, w.tenantId));
    await w.caller.team.invite({ email: `${marker}-agent@example.com`, role: 'agent' });
    const before = await search(marker, w.tenantId, control.tenantId);
    expect(Object.keys(before.byTenant[w.tenantId]!).length).toBeGreaterThanOrEqual(6);

    await w.caller.workspace.delete({ confirmName: `Shop ${marker}` });

    expectOnlyControlLeft(
      await search(marker, w.tenantId, control.tenantId),
      controlOnly,
      w.tenantId,
    );
    // Nothing names the workspace any more: no job, email or row carries its id.
    expect(await search(w.tenantId, w.tenantId)).toEqual({
      global: {},
      byTenant: { [w.tenantId]: {} },
    });
  });
});

/**
 * The global hits of the control alone, plus the erased workspace's own tenants row: deleting
 * a customer or a document keeps the workspace, whose name the test set to the marker.
 */
function withTenantName(control: MarkerSearch) {
  const tenantsRows = (control.global['public.tenants'] ?? 0) + 1;
  return { ...control.global, 'public.tenants': tenantsRows };
}
