import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { checkDatabase } from './health';
import { createTenant, findTenantByPublishableKey } from './queries/tenants';
import { listenConversationSignals, type ConversationSignal } from './realtime';
import { conversations, messages } from './schema';
import { withTenant } from './scope';

async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

// The processes of `pnpm dev` share one embedded database through this server. Its sessions
// are privileged, so this checks that isolation still holds for them.
describe('the embedded database server', () => {
  let server: EmbeddedServer;
  let client: DatabaseHandle;

  beforeAll(async () => {
    server = await startEmbeddedServer({ dataDir: 'memory', port: await freePort() });
    client = await openDatabase({ kind: 'postgres', url: server.url, maxConnections: 4 });
  }, 60_000);
  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  it('serves a migrated, seeded database over the Postgres protocol', async () => {
    expect(await checkDatabase(client.db)).toMatchObject({
      status: 'up',
      migrated: true,
      engine: 'pglite',
    });
    expect(await findTenantByPublishableKey(client.db, 'pk_demo_northwind')).not.toBeNull();
  });

  it('keeps tenants apart for clients that connect through it', async () => {
    const [a, b] = await Promise.all(
      ['a', 'b'].map((name) =>
        createTenant(client.db, { name, slug: `${name}-${randomUUID().slice(0, 8)}` }),
      ),
    );
    for (const tenant of [a!, b!]) {
      await withTenant(client.db, tenant.tenantId, (tx) =>
        tx
          .insert(conversations)
          .values({ tenantId: tenant.tenantId, visitorId: `visitor of ${tenant.tenantId}` }),
      );
    }
    const seenByA = await withTenant(client.db, a!.tenantId, (tx) =>
      tx.select().from(conversations),
    );
    expect(seenByA.map((c) => c.visitorId)).toEqual([`visitor of ${a!.tenantId}`]);
  });

  it('relays a committed message signal to a listener on another connection', async () => {
    const heard: ConversationSignal[] = [];
    const listener = await listenConversationSignals({ kind: 'postgres', url: server.url }, (s) =>
      heard.push(s),
    );
    const { tenantId } = await createTenant(client.db, {
      name: 'r',
      slug: `r-${randomUUID().slice(0, 8)}`,
    });
    const messageId = await withTenant(client.db, tenantId, async (tx) => {
      const [c] = await tx.insert(conversations).values({ tenantId, visitorId: 'v' }).returning();
      const [m] = await tx
        .insert(messages)
        .values({ tenantId, conversationId: c!.id, role: 'visitor', content: 'hello' })
        .returning();
      return m!.id;
    });
    await expect.poll(() => heard.map((s) => s.id), { timeout: 5_000 }).toContain(messageId);
    // A rolled-back message is never announced.
    await withTenant(client.db, tenantId, async (tx) => {
      const [c] = await tx.insert(conversations).values({ tenantId, visitorId: 'w' }).returning();
      await tx
        .insert(messages)
        .values({ tenantId, conversationId: c!.id, role: 'visitor', content: 'x' });
      tx.rollback();
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.filter((s) => s.kind === 'message')).toHaveLength(1);
    await listener.close();
  });

  it('keeps each connection’s query together when many connections query at once', async () => {
    const a = postgres(server.url, { max: 8, prepare: false, onnotice: () => {} });
    const b = postgres(server.url, { max: 8, prepare: false, onnotice: () => {} });
    try {
      // Different statements with different parameter counts, interleaved across connections:
      // without exclusive exchanges one connection's Bind lands on another's Parse.
      const queries = Array.from({ length: 120 }, (_, i) =>
        i % 2
          ? a`select ${i}::int as n, ${'x'}::text as s, ${true}::bool as b`.then((r) => r[0]!.n)
          : b`select ${i}::int + 0 as n`.then((r) => r[0]!.n),
      );
      const results = await Promise.allSettled(queries);
      const failures = results.filter((r) => r.status === 'rejected');
      expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
      expect(results.map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual(
        Array.from({ length: 120 }, (_, i) => i),
      );
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});
