import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './queries/tenants';
import { findIsolationGaps } from './isolation-audit';
import { pgErrorCode, queryRows } from './rows';
import { APP_ROLE, asUserId, withTenant, withUser, type TenantId } from './scope';
import {
  actionProposals,
  actions,
  alertChannels,
  apiKeys,
  auditLog,
  bookings,
  cannedReplies,
  ssoConnections,
  chunks,
  conversations,
  documentFiles,
  documents,
  events,
  faqEntries,
  faqExternalIds,
  invitations,
  memberships,
  messages,
  pushSubscriptions,
  ticketAttachments,
  tickets,
  usageRecords,
  users,
  websitePages,
  websiteSources,
  widgetSightings,
} from './schema';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;

interface TenantFixture {
  tenantId: TenantId;
  conversationId: string;
  documentId: string;
}

/** One row in every tenant-owned table, so each isolation check has something to miss. */
async function seedTenantRows(tenantId: TenantId): Promise<TenantFixture> {
  const [user] = await t.db
    .insert(users)
    .values({ email: `${randomUUID()}@example.test` })
    .returning();
  return withTenant(t.db, tenantId, async (tx) => {
    const [conversation] = await tx
      .insert(conversations)
      .values({ tenantId, visitorId: `v-${tenantId}` })
      .returning();
    const conversationId = conversation!.id;
    await tx
      .insert(messages)
      .values({ tenantId, conversationId, role: 'visitor', content: `secret of ${tenantId}` });
    const [doc] = await tx
      .insert(documents)
      .values({ tenantId, kind: 'text', title: 'Doc', contentHash: randomUUID() })
      .returning();
    const documentId = doc!.id;
    await tx.insert(chunks).values({
      tenantId,
      documentId,
      ordinal: 0,
      content: `canary ${tenantId}`,
      language: 'english',
    });
    await tx
      .insert(documentFiles)
      .values({ tenantId, documentId, filename: 'a.pdf', bytes: Buffer.from('%PDF-1.7') });
    const [faq] = await tx
      .insert(faqEntries)
      .values({ tenantId, question: 'Q?', answer: 'A.', documentId })
      .returning();
    await tx.insert(faqExternalIds).values({ tenantId, externalId: 'q-1', faqEntryId: faq!.id });
    await tx.insert(apiKeys).values({
      tenantId,
      name: 'Sync',
      scope: 'read',
      secretHash: randomUUID(),
      lastFour: 'abcd',
      createdByUserId: user!.id,
    });
    const [action] = await tx
      .insert(actions)
      .values({ tenantId, name: 'order_status', description: 'Order status', kind: 'http' })
      .returning();
    await tx.insert(actionProposals).values({
      tenantId,
      conversationId,
      actionId: action!.id,
      params: { orderId: '1001' },
      expiresAt: new Date(Date.now() + 600_000),
    });
    await tx.insert(memberships).values({ tenantId, userId: user!.id, role: 'owner' });
    await tx.insert(invitations).values({
      tenantId,
      email: 'new@example.test',
      role: 'agent',
      tokenHash: randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const [ticket] = await tx
      .insert(tickets)
      .values({
        tenantId,
        number: 1,
        subject: 'Help',
        customerEmail: 'c@example.test',
        conversationId,
      })
      .returning();
    await tx.insert(ticketAttachments).values({
      tenantId,
      ticketId: ticket!.id,
      filename: 'receipt.pdf',
      contentType: 'application/pdf',
      sizeBytes: 8,
      bytes: Buffer.from('%PDF-1.7'),
    });
    await tx.insert(events).values({ tenantId, type: 'widget_opened', conversationId });
    await tx
      .insert(usageRecords)
      .values({ tenantId, kind: 'ai_reply', quantity: 1, idempotencyKey: randomUUID() });
    await tx.insert(auditLog).values({ tenantId, action: 'tenant.created' });
    await tx.insert(ssoConnections).values({
      tenantId,
      issuer: 'https://idp.example.com',
      clientId: 'client',
      clientSecretEncrypted: 'sealed',
      emailDomain: 'example.com',
      domainVerificationToken: 'token',
    });
    await tx
      .insert(cannedReplies)
      .values({ tenantId, shortcut: 'hi', title: 'Hi', body: 'Hello!' });
    await tx
      .insert(widgetSightings)
      .values({ tenantId, origin: 'https://shop.example.com', allowed: true });
    await tx.insert(bookings).values({
      tenantId,
      conversationId,
      customerEmail: 'visitor@example.com',
      summary: 'Appointment',
      startsAt: new Date('2030-01-07T09:00:00Z'),
      endsAt: new Date('2030-01-07T09:30:00Z'),
      timezone: 'Europe/Stockholm',
    });
    await tx.insert(pushSubscriptions).values({
      tenantId,
      userId: user!.id,
      endpoint: `https://push.example.test/${tenantId}`,
      p256dh: 'BKey',
      auth: 'secret',
    });
    await tx.insert(alertChannels).values({
      tenantId,
      kind: 'slack',
      name: 'Support channel',
      targetHint: 'hooks.slack.com',
      configEncrypted: 'sealed',
      events: ['ticket.created'],
    });
    const [site] = await tx
      .insert(websiteSources)
      .values({ tenantId, startUrl: 'https://shop.example.com/' })
      .returning();
    await tx.insert(websitePages).values({
      tenantId,
      sourceId: site!.id,
      url: 'https://shop.example.com/',
      status: 'indexed',
      documentId,
    });
    return { tenantId, conversationId, documentId };
  });
}

async function newTenant() {
  const slug = `t-${randomUUID().slice(0, 8)}`;
  const { tenantId } = await createTenant(t.db, { name: slug, slug });
  return seedTenantRows(tenantId);
}

let a: TenantFixture;
let b: TenantFixture;
let tenantTables: string[];

beforeAll(async () => {
  t = await openTestDatabase();
  a = await newTenant();
  b = await newTenant();
  const rows = await queryRows<{ table_name: string }>(
    t.db,
    sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by 1`,
  );
  tenantTables = rows.map((r) => r.table_name);
}, 60_000);

afterAll(async () => t?.close());

describe('catalogue', () => {
  it('finds RLS, FORCE and a USING + WITH CHECK policy on every tenant table, and a harmless app role', async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(11);
    let gaps: string[] = [];
    await t.asOwnerThenRollback(async (query) => {
      gaps = await findIsolationGaps(query);
    });
    expect(gaps).toEqual([]);
  });

  it('reports a table whose policy was dropped or whose RLS is not forced', async () => {
    let gaps: string[] = [];
    await t.asOwnerThenRollback(async (query) => {
      await query('drop policy tenant_isolation on messages');
      await query('alter table tickets no force row level security');
      gaps = await findIsolationGaps(query);
    });
    expect(gaps).toContain(
      'messages: no policy for all commands with USING and WITH CHECK on app.tenant_id',
    );
    expect(gaps).toContain('tickets: row-level security is not FORCEd');
  });

  it('runs scoped work as the app role, never as a superuser', async () => {
    const [who] = await withTenant(t.db, a.tenantId, (tx) =>
      queryRows<{ role: string; su: string }>(
        tx,
        sql`select current_user as role, current_setting('is_superuser') as su`,
      ),
    );
    expect(who).toEqual({ role: APP_ROLE, su: 'off' });
  });

  it.runIf(usesPostgresServer())('connects as the app role on a Postgres server', async () => {
    const [who] = await queryRows<{ role: string; su: string }>(
      t.db,
      sql`select session_user as role, current_setting('is_superuser') as su`,
    );
    expect(who).toEqual({ role: APP_ROLE, su: 'off' });
  });
});

function usesPostgresServer() {
  return Boolean(process.env.DATABASE_URL);
}

describe("tenant A's scope cannot touch tenant B", () => {
  it('sees only its own rows even when the query forgets to filter by tenant', async () => {
    await withTenant(t.db, a.tenantId, async (tx) => {
      for (const table of tenantTables) {
        const rows = await queryRows<{ tenant_id: string }>(
          tx,
          sql`select tenant_id from ${sql.identifier(table)}`,
        );
        expect(rows.length, table).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.tenant_id)), table).toEqual(new Set([a.tenantId]));
      }
    });
  });

  it("selects, updates and deletes of B's rows touch zero rows", async () => {
    for (const table of tenantTables) {
      const target = sql`${sql.identifier(table)} where tenant_id = ${b.tenantId}`;
      const selected = await withTenant(t.db, a.tenantId, (tx) =>
        queryRows(tx, sql`select 1 from ${target}`),
      );
      expect(selected, `select ${table}`).toHaveLength(0);
      if (table === 'audit_log') continue; // append-only: checked below
      const updated = await withTenant(t.db, a.tenantId, (tx) =>
        queryRows(
          tx,
          sql`update ${sql.identifier(table)} set tenant_id = tenant_id where tenant_id = ${b.tenantId} returning 1`,
        ),
      );
      expect(updated, `update ${table}`).toHaveLength(0);
      const deleted = await withTenant(t.db, a.tenantId, (tx) =>
        queryRows(tx, sql`delete from ${target} returning 1`),
      );
      expect(deleted, `delete ${table}`).toHaveLength(0);
    }
    const stillThere = await withTenant(t.db, b.tenantId, (tx) => tx.select().from(messages));
    expect(stillThere.map((m) => m.content)).toEqual([`secret of ${b.tenantId}`]);
  });

  it("refuses to insert a row for B, and to move A's row to B", async () => {
    const insert = withTenant(t.db, a.tenantId, (tx) =>
      tx.insert(conversations).values({ tenantId: b.tenantId, visitorId: 'intruder' }),
    );
    await expect(insert).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
    const move = withTenant(t.db, a.tenantId, (tx) =>
      queryRows(
        tx,
        sql`update conversations set tenant_id = ${b.tenantId} where tenant_id = ${a.tenantId}`,
      ),
    );
    // Citus refuses any change of the distribution column (0A000) before RLS is asked.
    await expect(move).rejects.toSatisfy((e) =>
      ['42501', '23503', '0A000'].includes(pgErrorCode(e) ?? ''),
    );
  });

  it('keeps the audit log append-only for the app', async () => {
    for (const statement of [sql`update audit_log set action = 'x'`, sql`delete from audit_log`]) {
      const attempt = withTenant(t.db, a.tenantId, (tx) => queryRows(tx, statement));
      await expect(attempt).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
    }
    const rows = await withTenant(t.db, a.tenantId, (tx) => tx.select().from(auditLog));
    expect(rows).toHaveLength(1);
  });
});

describe('no scope means no rows', () => {
  it('returns zero rows and refuses writes when the app role has no tenant set', async () => {
    const unscoped = await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
      return queryRows(tx, sql`select count(*)::int as n from conversations`);
    });
    expect(unscoped).toEqual([{ n: 0 }]);
    const write = t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
      await tx.insert(conversations).values({ tenantId: a.tenantId, visitorId: 'nobody' });
    });
    await expect(write).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
  });

  it('treats an empty tenant setting like none', async () => {
    const rows = await t.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', '', true)`,
      );
      return queryRows(tx, sql`select 1 from messages`);
    });
    expect(rows).toHaveLength(0);
  });

  it('lets a signed-in user list their own memberships and nothing else', async () => {
    const [member] = await withTenant(t.db, a.tenantId, (tx) => tx.select().from(memberships));
    const visible = await withUser(t.db, asUserId(member!.userId), async (tx) => ({
      memberships: await tx.select().from(memberships),
      conversations: await tx.select().from(conversations),
    }));
    expect(visible.memberships.map((m) => m.tenantId)).toEqual([a.tenantId]);
    expect(visible.conversations).toEqual([]);
  });
});

describe('pooled connections', () => {
  it('never carries one tenant into the next transaction on the same connection', async () => {
    const single = await t.openSingleConnection();
    const seen: string[] = [];
    try {
      for (const tenant of [a, b, a, b]) {
        const [row] = await withTenant(single.db, tenant.tenantId, (tx) =>
          queryRows<{ tenant: string; n: number }>(
            tx,
            sql`select current_setting('app.tenant_id', true) as tenant, (select count(*)::int from conversations where tenant_id <> ${tenant.tenantId}) as n`,
          ),
        );
        expect(row!.n).toBe(0);
        seen.push(row!.tenant);
        const [after] = await queryRows<{ tenant: string | null }>(
          single.db,
          sql`select nullif(current_setting('app.tenant_id', true), '') as tenant`,
        );
        expect(after!.tenant).toBeNull();
      }
    } finally {
      await single.close();
    }
    expect(seen).toEqual([a.tenantId, b.tenantId, a.tenantId, b.tenantId]);
  });

  it('keeps concurrent scopes apart', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b)).map((tenant) =>
        withTenant(t.db, tenant.tenantId, async (tx) => {
          const rows = await tx.select({ id: conversations.id }).from(conversations);
          return rows.every((r) => r.id === tenant.conversationId) && rows.length === 1;
        }),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
  });
});

describe('cross-tenant references', () => {
  it("rejects a child row that points at another tenant's parent", async () => {
    const crossMessage = withTenant(t.db, a.tenantId, (tx) =>
      tx.insert(messages).values({
        tenantId: a.tenantId,
        conversationId: b.conversationId,
        role: 'visitor',
        content: 'x',
      }),
    );
    await expect(crossMessage).rejects.toSatisfy((e) => pgErrorCode(e) === '23503');
    const crossChunk = withTenant(t.db, a.tenantId, (tx) =>
      tx.insert(chunks).values({
        tenantId: a.tenantId,
        documentId: b.documentId,
        ordinal: 9,
        content: 'x',
        language: 'english',
      }),
    );
    await expect(crossChunk).rejects.toSatisfy((e) => pgErrorCode(e) === '23503');
  });

  it('rejects it by foreign key, not only by row-level security', async () => {
    let code: string | undefined;
    await t
      .asOwnerThenRollback(async (query) => {
        // The owner passes RLS for tenant A here, so only the composite foreign key can refuse.
        // SET LOCAL (not set_config) so that Citus sends the scope to the workers too.
        await query(`set local app.tenant_id = '${a.tenantId}'`);
        try {
          await query(
            `insert into messages (tenant_id, conversation_id, role, content) values ('${a.tenantId}', '${b.conversationId}', 'visitor', 'x')`,
          );
        } catch (e) {
          code = pgErrorCode(e);
          throw e;
        }
      })
      .catch(() => undefined);
    expect(code).toBe('23503');
  });
});
