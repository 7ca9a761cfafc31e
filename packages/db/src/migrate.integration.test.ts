import { describe, expect, it } from 'vitest';
import { openPglite } from './client';
import { migratePglite } from './migrate';

const countApplied = async (client: Awaited<ReturnType<typeof openPglite>>['client']) =>
  (
    await client.query<{ n: number }>(
      'select count(*)::int as n from drizzle.replyline_security_state',
    )
  ).rows[0]!.n;

describe('the repeatable security step', () => {
  it('runs once per set of migrations, and again when a migration was added', async () => {
    const { client, close } = await openPglite('memory');
    try {
      await migratePglite(client);
      await migratePglite(client);
      expect(await countApplied(client)).toBe(1);

      // A later migration (say, a new tenant table) changes the fingerprint: RLS is re-applied.
      await client.exec(
        `insert into drizzle.__drizzle_migrations (hash, created_at) values ('new-migration', 9999999999999)`,
      );
      await client.exec('create table later_table (tenant_id uuid not null, note text)');
      await migratePglite(client);
      expect(await countApplied(client)).toBe(2);
      const { rows } = await client.query<{ forced: boolean }>(
        `select relforcerowsecurity as forced from pg_class where relname = 'later_table'`,
      );
      expect(rows[0]!.forced).toBe(true);
    } finally {
      await close();
    }
  });
});
