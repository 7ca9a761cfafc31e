import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { asTenantId, type TenantId } from '@replyline/db';
import type postgres from 'postgres';
import { createTextGenerator } from './synthetic-corpus';

/** One tenant's synthetic passages to load: the same text `insertSyntheticChunks` writes for a seed. */
export interface SyntheticLoad {
  tenantId: TenantId;
  count: number;
  seed: number;
}

/**
 * Passages per `INSERT … SELECT`: one statement fires the product's statement triggers once,
 * which write this many passages' postings and statistics in bulk (their transition table is
 * spilled to disk, so a larger batch saves little).
 */
const BATCH = 100_000;
const PASSAGES_PER_DOCUMENT = 100;
/**
 * Connections that load tenants side by side, one transaction each: the loading server process
 * is CPU-bound (`to_tsvector`, the postings trigger), so one per core. Tenants never share a
 * statistics row, so their transactions do not wait on each other.
 */
export const LOAD_CONNECTIONS = 2;

/**
 * Loads synthetic passages into the product's own tables as fast as a Postgres server allows:
 * - the text is generated here and streamed with `COPY` into a temporary table, then inserted
 *   into `documents` and `chunks` with `INSERT … SELECT` in the tenant's scope (row-level
 *   security applies, as it does to the app; `COPY` itself refuses tables with RLS);
 * - `chunks` computes its `tsv` and `term_count` columns as always, and the product's statement
 *   triggers write `search_postings`, `search_terms` and `search_corpus` exactly as an ingestion
 *   does; embeddings stay null, as the product stores them without an embedding provider;
 * - the indexes that a row-by-row insert would update at random places (the postings' primary
 *   key and impact index, the passages' GIN index) are dropped first and built again from their
 *   own definitions (read from the catalog, so they are the migrations' indexes) by one sort
 *   each, the way a restore builds them.
 * Three steps, so that tenants can load on `connections` connections at once (the owner's pool
 * must allow that many): a short transaction drops the indexes and records how to build them
 * again (`bench.pending_index_builds`); each connection then loads whole tenants, largest first,
 * in one transaction of its own, so a tenant is either complete or empty whatever fails; last,
 * the recorded indexes are built. A load that fails or is killed leaves its indexes recorded:
 * `buildPendingIndexes` (run by the next load and by `emptyBenchDatabase`) builds them.
 * Afterwards the caller runs `VACUUM (ANALYZE)`, which the search's index-only scans need.
 */
export async function bulkLoadSyntheticChunks(
  owner: postgres.Sql,
  loads: SyntheticLoad[],
  log: (line: string) => void = () => {},
  connections = LOAD_CONNECTIONS,
) {
  if (loads.length === 0) return;
  await dropBulkIndexes(owner);
  await loadTenantsSideBySide(owner, loads, connections, log);
  const started = performance.now();
  await buildPendingIndexes(owner);
  log(`    search indexes built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Tenants to the first free connection, largest first (so the largest tenant does not start
 * last); each connection loads its tenants in one transaction. After a failure the other
 * connections take no new tenant and commit the ones they finished, which are complete.
 */
async function loadTenantsSideBySide(
  owner: postgres.Sql,
  loads: SyntheticLoad[],
  connections: number,
  log: (line: string) => void,
) {
  const queue = [...loads].sort((a, b) => b.count - a.count);
  let failed = false;
  const loadOnOneConnection = () =>
    owner
      .begin(async (tx) => {
        await tx`set local work_mem = '64MB'`;
        await tx`create temp table bench_passages (
          document_id uuid not null, document_number integer not null, ordinal integer not null,
          content text not null) on commit drop`;
        for (let load = queue.shift(); load && !failed; load = queue.shift())
          await loadTenantLogged(tx, load, log);
      })
      .catch((error: unknown) => {
        failed = true;
        throw error;
      });
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(connections, loads.length)) }, loadOnOneConnection),
  );
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

async function loadTenantLogged(
  tx: postgres.TransactionSql,
  load: SyntheticLoad,
  log: (line: string) => void,
) {
  const started = performance.now();
  const of = `of ${load.count.toLocaleString('en-US')}`;
  await loadTenant(tx, load, (done) => {
    if (done < load.count)
      log(
        `    ${done.toLocaleString('en-US')} ${of} passages in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
  });
  const seconds = (performance.now() - started) / 1000;
  log(`    loaded ${load.count.toLocaleString('en-US')} passages in ${seconds.toFixed(0)} s`);
}

/**
 * In one short transaction: drops the indexes a bulk insert would maintain row by row (every
 * index of `search_postings`, its primary key as a constraint, and the GIN index of `chunks`)
 * and records the statements that build them again, beside any still recorded by a load that
 * did not finish.
 */
async function dropBulkIndexes(owner: postgres.Sql) {
  await owner.begin(async (tx) => {
    await tx`create schema if not exists bench`;
    await tx`create table if not exists bench.pending_index_builds (
      position serial primary key, statement text not null)`;
    const indexes = await tx<
      { table: string; index: string; constraint: string | null; definition: string }[]
    >`
      select t.relname as table, c.relname as index, con.conname as constraint,
        coalesce(pg_get_constraintdef(con.oid), pg_get_indexdef(i.indexrelid)) as definition
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      join pg_am am on am.oid = c.relam
      left join pg_constraint con
        on con.conindid = i.indexrelid and con.conrelid = t.oid and con.contype in ('p', 'u')
      where t.relnamespace = 'public'::regnamespace
        and (t.relname = 'search_postings' or (t.relname = 'chunks' and am.amname = 'gin'))
      order by t.relname, c.relname`;
    for (const { table, index, constraint, definition } of indexes) {
      const build = constraint
        ? `alter table ${quote(table)} add constraint ${quote(constraint)} ${definition}`
        : definition;
      if (constraint)
        await tx.unsafe(`alter table ${quote(table)} drop constraint ${quote(constraint)}`);
      else await tx.unsafe(`drop index ${quote(index)}`);
      await tx`insert into bench.pending_index_builds (statement) values (${build})`;
    }
  });
}

/**
 * Builds the indexes a bulk load dropped and has not built yet, each in a transaction with its
 * record, so an interrupted build leaves the rest recorded. On emptied tables this is instant.
 */
export async function buildPendingIndexes(owner: postgres.Sql) {
  const [table] = await owner<
    { exists: boolean }[]
  >`select to_regclass('bench.pending_index_builds') is not null as exists`;
  if (!table?.exists) return;
  const pending = await owner<
    { position: number; statement: string }[]
  >`select position, statement from bench.pending_index_builds order by position`;
  for (const { position, statement } of pending)
    await owner.begin(async (tx) => {
      // Each build sorts in memory, with the server's parallel maintenance workers.
      await tx`set local maintenance_work_mem = '1GB'`;
      await tx.unsafe(statement);
      await tx`delete from bench.pending_index_builds where position = ${position}`;
    });
}

async function loadTenant(
  tx: postgres.TransactionSql,
  { tenantId, count, seed }: SyntheticLoad,
  progress: (passagesDone: number) => void,
) {
  // SET takes no parameters: the id is checked to be a uuid before it is written into the text.
  await tx.unsafe(`set local app.tenant_id = '${asTenantId(tenantId)}'`);
  const text = createTextGenerator(seed);
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    const copy =
      await tx`copy bench_passages (document_id, document_number, ordinal, content) from stdin`.writable();
    await pipeline(Readable.from(passageLines(text, start, size)), copy);
    await tx`
      insert into documents (tenant_id, id, kind, title, content_hash, status)
      select distinct ${tenantId}::uuid, document_id, 'text'::document_kind,
        'Doc ' || document_number, ${`${seed}-`} || document_number, 'ready'::document_status
      from bench_passages`;
    await tx`
      insert into chunks (tenant_id, document_id, ordinal, content, language)
      select ${tenantId}::uuid, document_id, ordinal, content, 'english'::regconfig
      from bench_passages`;
    await tx`truncate bench_passages`;
    progress(start + size);
  }
}

/**
 * `COPY` text lines of `size` passages from `start` on, 1,000 to a string: documents of 100
 * passages, ~180 words each, drawn in the same order as `insertSyntheticChunks`.
 */
function* passageLines(
  text: ReturnType<typeof createTextGenerator>,
  start: number,
  size: number,
): Generator<string> {
  let documentId = '';
  let lines: string[] = [];
  for (let i = start; i < start + size; i++) {
    const ordinal = i % PASSAGES_PER_DOCUMENT;
    if (ordinal === 0 || !documentId) documentId = randomUUID();
    const words = text.words(150 + Math.floor(text.random() * 60));
    // The words are lowercase letters: nothing to escape for COPY's text format.
    lines.push(`${documentId}\t${Math.floor(i / PASSAGES_PER_DOCUMENT)}\t${ordinal}\t${words}\n`);
    if (lines.length === 1_000) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

function quote(identifier: string) {
  return `"${identifier.replaceAll('"', '""')}"`;
}
