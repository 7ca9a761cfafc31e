import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTenant,
  migratePglite,
  migratePostgresServer,
  openDatabase,
  queryRows,
  readDbEnv,
  type Database,
  type TenantId,
} from '@replyline/db';
import {
  backupPglite,
  backupPostgres,
  BackupError,
  readBackupEnv,
  restorePglite,
  restorePostgres,
} from '@replyline/db/backup';
import { openPglite } from '@replyline/db/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFaqEntries } from '../ingest/faq';
import { searchKnowledge } from './search';

/**
 * The restore drill: back up, delete a tenant's knowledge, restore, and find every table's rows
 * and the same search answer back. On PGlite always; on Postgres when a backup role is
 * configured (DATABASE_BACKUP_URL), in the scratch database beside the test database
 * (`<name>_drill`, prepared by .ci/start-postgres.sh), so other tests' rows are never touched.
 */

const FAQ = [
  { question: 'Can I return a tent?', answer: 'Unused tents can be returned within 30 days.' },
  { question: 'How long does delivery take?', answer: 'Delivery takes 3 to 5 business days.' },
];
const QUESTION = 'return my tent';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'replyline-drill-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function seedKnowledge(db: Database): Promise<TenantId> {
  const slug = `drill-${randomUUID().slice(0, 8)}`;
  const { tenantId } = await createTenant(db, { name: slug, slug });
  await addFaqEntries({ db, queue: { send: async () => null } }, tenantId, FAQ);
  return tenantId;
}

const searchOf = async (db: Database, tenantId: TenantId) =>
  (await searchKnowledge(db, tenantId, QUESTION)).map((hit) => [hit.chunkId, hit.content]);

/** Rows per table of the product's schema, read as a role that sees every tenant. */
type RowCounts = Record<string, number>;
type Query = <R>(text: string) => Promise<R[]>;
async function rowCounts(query: Query): Promise<RowCounts> {
  const [{ counting }] = (await query<{ counting: string }>(
    `select string_agg(format('select %L as name, count(*)::int as rows from %I', table_name, table_name), ' union all ') as counting
       from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as [{ counting: string }];
  const rows = await query<{ name: string; rows: number }>(counting);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.rows)]));
}

describe('restore drill on PGlite (dumpDataDir)', () => {
  it('brings back every row and the same search answer after the knowledge was deleted', async () => {
    const dataDir = join(folder, 'pglite');
    const file = join(folder, 'pglite-backup.tar.gz');
    let opened = await openPglite(dataDir);
    await migratePglite(opened.client);
    const tenantId = await seedKnowledge(opened.db);
    const counts = () =>
      rowCounts(async <R>(text: string) => (await opened.client.query<R>(text)).rows);
    const before = await counts();
    const found = await searchOf(opened.db, tenantId);
    expect(found.length).toBeGreaterThan(0);
    expect(before.chunks).toBeGreaterThanOrEqual(FAQ.length);

    await backupPglite(opened.client, file);
    await opened.client.query('delete from faq_entries where tenant_id = $1', [tenantId]);
    await opened.client.query('delete from chunks where tenant_id = $1', [tenantId]);
    await opened.client.query('delete from documents where tenant_id = $1', [tenantId]);
    expect(await searchOf(opened.db, tenantId)).toEqual([]);
    await opened.close();

    const { kept } = await restorePglite(file, dataDir);
    expect(kept).toMatch(/before-restore/);
    opened = await openPglite(dataDir);
    try {
      expect(await counts()).toEqual(before);
      expect(await searchOf(opened.db, tenantId)).toEqual(found);
    } finally {
      await opened.close();
    }
  }, 240_000);

  it('refuses a file that is not a PGlite dump and leaves the data folder alone', async () => {
    const dataDir = join(folder, 'untouched');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'PG_VERSION'), '18');
    const bogus = join(folder, 'not-a-dump.tar.gz');
    await writeFile(bogus, 'hello');
    await expect(restorePglite(bogus, dataDir)).rejects.toThrow(BackupError);
    await expect(restorePglite(bogus, dataDir)).rejects.toThrow(/not a PGlite dump/);
    expect(await readdir(dataDir)).toEqual(['PG_VERSION']);
    expect((await readdir(folder)).filter((name) => name.startsWith('untouched'))).toEqual([
      'untouched',
    ]);
  });
});

const backupUrl = readBackupEnv().DATABASE_BACKUP_URL;
const dbEnv = readDbEnv();

describe.runIf(backupUrl)('restore drill on Postgres (pg_dump / pg_restore)', () => {
  // Collected even when skipped: the URLs are read only when the drill runs.
  const drill = (url: string | undefined) => {
    const parsed = new URL(url ?? backupUrl ?? 'postgres://unset/replyline');
    parsed.pathname = `${parsed.pathname}_drill`;
    return parsed.toString();
  };
  const env = {
    backup: drill(backupUrl),
    owner: drill(dbEnv.DATABASE_OWNER_URL),
    app: drill(dbEnv.DATABASE_URL),
  };
  let db: Database;
  let close: () => Promise<void>;
  let admin: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    await migratePostgresServer(env.owner);
    const opened = await openDatabase({ kind: 'postgres', url: env.app, maxConnections: 2 });
    db = opened.db;
    close = opened.close;
    admin = await openDatabase({ kind: 'postgres', url: env.backup, maxConnections: 1 });
  }, 240_000);
  afterAll(async () => {
    await close?.();
    await admin?.close();
  });

  const counts = () => rowCounts(<R>(text: string) => queryRows<R>(admin.db, sql.raw(text)));

  it('brings back every row and the same search answer after the knowledge was deleted', async () => {
    const file = join(folder, 'postgres-backup.dump');
    const tenantId = await seedKnowledge(db);
    const before = await counts();
    const found = await searchOf(db, tenantId);
    expect(found.length).toBeGreaterThan(0);

    await backupPostgres(env.backup, file);
    for (const table of ['faq_entries', 'chunks', 'documents'])
      await admin.db.execute(
        sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
      );
    expect(await searchOf(db, tenantId)).toEqual([]);

    await restorePostgres(env.backup, file);
    expect(await counts()).toEqual(before);
    expect(await searchOf(db, tenantId)).toEqual(found);
  }, 240_000);

  it('refuses a role that cannot see every tenant, and a file that is not a dump, changing nothing', async () => {
    const file = join(folder, 'refused.dump');
    await expect(backupPostgres(env.owner, file)).rejects.toThrow(/row-level security/);
    const before = await counts();
    const bogus = join(folder, 'bogus.dump');
    await writeFile(bogus, 'not a dump');
    await expect(restorePostgres(env.backup, bogus)).rejects.toThrow(/not a pg_dump/);
    expect(await counts()).toEqual(before);
  }, 60_000);
});
