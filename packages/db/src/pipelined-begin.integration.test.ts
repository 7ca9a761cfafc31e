import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { startCountingRelay, type CountingRelay } from './counting-relay';
import { readDbEnv } from './env';
import { queryRows } from './rows';
import { asTenantId, runPrepared, withTenant } from './scope';
import { tenants } from './schema';
import { openTestDatabase, type TestDatabase } from './testing';

// Round trips and transaction semantics of `withPipelinedBegin`, on a Postgres server only
// (embedded PGlite has no round trips; its transactions are PGlite's own).
const env = readDbEnv();
const onServer = Boolean(env.DATABASE_URL);

describe.skipIf(!onServer)('transactions on a Postgres server', () => {
  let t: TestDatabase;
  let relay: CountingRelay;
  let single: DatabaseHandle;
  const tenantId = asTenantId(randomUUID());

  beforeAll(async () => {
    t = await openTestDatabase(); // migrates the server
    relay = await startCountingRelay(env.DATABASE_URL!);
    single = await openDatabase({ kind: 'postgres', url: relay.url, maxConnections: 1 });
    await single.db.execute(sql`select 1`); // connected, types fetched
  }, 120_000);
  afterAll(async () => {
    await single?.close();
    await relay?.close();
    await t?.close();
  });

  it('sends BEGIN and the tenant scope with the first statement: two round trips in all', async () => {
    relay.take();
    const [row] = await withTenant(single.db, tenantId, (tx) =>
      queryRows<{ tenant: string }>(tx, sql`select current_setting('app.tenant_id') as tenant`),
    );
    expect(row?.tenant).toBe(tenantId);
    // BEGIN + scope + the statement; COMMIT.
    expect(relay.take()).toBe(2);
  });

  it('sends a prepared statement in one message once its connection has described it', async () => {
    const readTenant = () =>
      withTenant(single.db, tenantId, (tx) =>
        runPrepared(
          tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)),
          'test_read_tenant',
        ),
      );
    relay.take();
    expect(await readTenant()).toEqual([]);
    // The first time it is described first (its own round trip); from then on it is not.
    expect(relay.take()).toBe(3);
    expect(await readTenant()).toEqual([]);
    expect(relay.take()).toBe(2);
  });

  it('runs the statements sent with BEGIN inside the transaction', async () => {
    const ids = await withTenant(single.db, tenantId, (tx) =>
      Promise.all([
        queryRows<{ id: string }>(tx, sql`select txid_current()::text as id`),
        queryRows<{ id: string }>(tx, sql`select txid_current()::text as id`),
      ]),
    );
    expect(ids[0]![0]!.id).toBe(ids[1]![0]!.id);
    // Outside any transaction each statement would get one of its own.
    const [a] = await queryRows<{ id: string }>(single.db, sql`select txid_current()::text as id`);
    expect(a!.id).not.toBe(ids[0]![0]!.id);
  });

  it('rolls back what work did when it throws, and the connection serves the next one', async () => {
    const failed = withTenant(single.db, tenantId, async (tx) => {
      // A session setting changed inside a transaction is undone by its rollback.
      await tx.execute(sql`select set_config('app.probe', 'inside', false)`);
      throw new Error('work failed');
    });
    await expect(failed).rejects.toThrow('work failed');
    const [row] = await queryRows<{ probe: string | null }>(
      single.db,
      sql`select current_setting('app.probe', true) as probe`,
    );
    expect(row?.probe ?? '').toBe('');
  });

  it('fails the transaction when a statement failed, even if work caught it', async () => {
    const caught = withTenant(single.db, tenantId, async (tx) => {
      await tx.execute(sql`select 1 / 0`).catch(() => null);
      return 'finished';
    });
    await expect(caught).rejects.toMatchObject({ code: '22012' });
    const [row] = await queryRows<{ one: number }>(single.db, sql`select 1 as one`);
    expect(row?.one).toBe(1);
  });

  it('keeps a savepoint: a nested transaction that failed leaves the outer one to commit', async () => {
    const outcome = await withTenant(single.db, tenantId, async (tx) => {
      await tx.execute(sql`select set_config('app.probe', 'outer', true)`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`select set_config('app.probe', 'inner', true)`);
          throw new Error('inner failed');
        })
        .catch(() => null);
      const [row] = await queryRows<{ probe: string }>(
        tx,
        sql`select current_setting('app.probe') as probe`,
      );
      return row?.probe;
    });
    expect(outcome).toBe('outer');
  });

  it('fails at once when the connection is lost mid-transaction, and the pool reconnects', async () => {
    const lost = withTenant(single.db, tenantId, async (tx) => {
      await queryRows(tx, sql`select 1`);
      relay.dropConnections();
      await queryRows(tx, sql`select 2`);
      return 'finished';
    });
    await expect(lost).rejects.toThrow();
    const [row] = await withTenant(single.db, tenantId, (tx) =>
      queryRows<{ tenant: string }>(tx, sql`select current_setting('app.tenant_id') as tenant`),
    );
    expect(row?.tenant).toBe(tenantId);
  });
});
