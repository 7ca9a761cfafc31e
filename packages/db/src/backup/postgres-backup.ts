import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/** A backup or restore refused or failed, in words an operator can act on. */
export class BackupError extends Error {}

/**
 * Dumps the whole database (every schema: the product's tables, the job queue, the migrations
 * ledger) in pg_dump's custom format: compressed, and restorable table by table.
 */
export async function backupPostgres(url: string, file: string, binDir?: string): Promise<void> {
  await requireRowAccess(url);
  await run(tool('pg_dump', binDir), ['--format=custom', '--no-password', `--file=${file}`, url]);
}

/**
 * Replaces the database's contents with a custom-format dump, all or nothing: the old objects
 * are dropped and the dump replayed in one transaction, so a dump that fails half-way (a wrong
 * file, a newer schema the server cannot take) leaves the database as it was.
 * The pgvector extension and the public schema are left in place: they belong to the superuser's
 * one-time setup, not to the dump.
 */
export async function restorePostgres(url: string, file: string, binDir?: string): Promise<void> {
  await requireRowAccess(url);
  const listing = await run(tool('pg_restore', binDir), ['--list', file]).catch(
    (error: unknown) => {
      throw new BackupError(`${file} is not a pg_dump custom-format backup (${String(error)}).`);
    },
  );
  const folder = await mkdtemp(join(tmpdir(), 'replyline-restore-'));
  try {
    const list = join(folder, 'restore.list');
    const clear = join(folder, 'clear.sql');
    await writeFile(list, restorableEntries(listing));
    await writeFile(clear, CLEAR_SQL);
    const script = spawn(tool('pg_restore', binDir), ['--use-list', list, '--file=-', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await Promise.all([
      run(
        tool('psql', binDir),
        [
          '--no-psqlrc',
          '--quiet',
          '--single-transaction',
          '--set=ON_ERROR_STOP=1',
          `--file=${clear}`,
          '--file=-',
          url,
        ],
        script.stdout,
      ),
      exited(script, 'pg_restore'),
    ]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The dump's table of contents without what the superuser set up once (see restorePostgres). */
export function restorableEntries(listing: string): string {
  return listing
    .split('\n')
    .filter((line) => !/ (EXTENSION|COMMENT) - (EXTENSION )?vector /.test(line))
    .filter((line) => !/ SCHEMA - public /.test(line))
    .join('\n');
}

/**
 * Drops what a dump recreates: the job queue's and migrations' schemas, and every table, view,
 * sequence, function and type in public that is not part of an extension.
 */
const CLEAR_SQL = `
drop schema if exists pgboss cascade;
drop schema if exists drizzle cascade;
do $$
declare item record;
begin
  for item in
    select c.oid::regclass::text as name, case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
      when 'S' then 'sequence' else 'table' end as kind
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
      and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
      and not c.relispartition
  loop
    execute format('drop %s if exists %s cascade', item.kind, item.name);
  end loop;
  for item in
    select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('drop routine if exists %s cascade', item.name);
  end loop;
  for item in
    select t.oid::regtype::text as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = 'public' and t.typtype in ('e', 'd', 'c', 'r') and t.typrelid = 0
      and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')
  loop
    execute format('drop type if exists %s cascade', item.name);
  end loop;
end $$;
`;

/**
 * Every tenant table forces row-level security: a role without BYPASSRLS would dump (or restore)
 * no rows at all, so it is refused up front with the fix.
 */
async function requireRowAccess(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [role] = await sql<{ name: string; allowed: boolean }[]>`
      select rolname as name, rolsuper or rolbypassrls as allowed from pg_roles where rolname = current_user`;
    if (!role?.allowed)
      throw new BackupError(
        `The role ${role?.name ?? '?'} cannot read every tenant's rows (row-level security). Connect as a backup role: CREATE ROLE replyline_backup LOGIN BYPASSRLS IN ROLE replyline_owner (see docs/operations.md), and set DATABASE_BACKUP_URL.`,
      );
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Cannot connect to the database to back it up: ${String(error)}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function tool(name: string, binDir?: string) {
  return binDir ? join(binDir, name) : name;
}

/** Runs a client tool, returns its output; a failure carries its own error text. */
function run(command: string, args: string[], input?: NodeJS.ReadableStream): Promise<string> {
  const child = spawn(command, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  if (input && child.stdin) input.pipe(child.stdin);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return exited(child, command.split('/').at(-1)!).then(() => output);
}

function exited(child: ReturnType<typeof spawn>, name: string): Promise<void> {
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', (error) =>
      reject(
        new BackupError(
          `${name} could not start (${error.message}); install the Postgres 15+ client tools.`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${name} failed: ${errors.trim() || `exit ${code}`}`)),
    );
  });
}
