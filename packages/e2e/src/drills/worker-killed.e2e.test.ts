import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createTenant,
  openQueue,
  queryRows,
  schema,
  withTenant,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { addPdfDocument } from '@replyline/rag';
import { buildPdf, evalFile } from '@replyline/rag/testing';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, startSharedDatabase, type RunningApi, type SharedDatabase } from '../harness';
import { waitUntil } from './visitors';

/**
 * A worker whose lease is short and whose queue looks for lapsed leases every second, so the
 * drill takes seconds instead of a production lease (INGEST_JOB_LEASE_SECONDS, default 60).
 */
const WORKER_ENV = {
  INGEST_JOB_LEASE_SECONDS: '2',
  QUEUE_MAINTENANCE_INTERVAL_SECONDS: '1',
};

/** The large document: a real 352-page book from the shared evaluation data, else a generated one. */
function largeDocument(): { filename: string; bytes: Uint8Array } {
  const book = evalFile('pdfs/freeculture.pdf');
  if (book) return { filename: 'freeculture.pdf', bytes: new Uint8Array(readFileSync(book)) };
  const pages = Array.from({ length: 400 }, (_, page) =>
    Array.from(
      { length: 30 },
      (_, line) => `Page ${page + 1}, line ${line + 1}: moving boxes, storage and insurance terms.`,
    ),
  );
  return { filename: 'generated-handbook.pdf', bytes: buildPdf(pages) };
}

// A worker killed mid-ingestion: a worker process (the API with its workers) extracting a large
// PDF is killed with SIGKILL while pages are being read. A new worker process must get the job
// again once the dead one's lease lapses, and the document must end with exactly one full set
// of passages: never half of them (the killed run stored nothing), never two sets.
/** Progress of a drill in the test log: where it was when it fails on a slow machine. */
const began = performance.now();
const step = (what: string) =>
  console.log(`[drills] worker drill, ${Math.round(performance.now() - began)} ms: ${what}`);

describe('drill: a worker is killed mid-ingestion', () => {
  let database: SharedDatabase;
  let queue: PgBoss;
  const workers: RunningApi[] = [];
  let tenantId: TenantId;

  beforeAll(async () => {
    database = await startSharedDatabase();
    // Only sends jobs: the workers below do the work and the queue's upkeep.
    queue = await openQueue(
      { kind: 'postgres', url: database.url },
      { supervise: false, schedule: false },
    );
    const tenant = await createTenant(database.db, {
      name: 'Drill Movers',
      slug: `drill-movers-${randomUUID().slice(0, 8)}`,
      allowedOrigins: ['https://drill.example'],
    });
    tenantId = tenant.tenantId;
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await queue?.stop({ graceful: false, wait: true });
    await database?.stop();
  });

  const startWorker = async () => {
    const worker = await startApi({
      databaseUrl: database.url,
      env: { ...WORKER_ENV, RUN_WORKERS: 'true' },
    });
    workers.push(worker);
    return worker;
  };
  const documentRow = async (documentId: string) => {
    const [row] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({
          status: schema.documents.status,
          error: schema.documents.error,
          pagesDone: schema.documents.pagesDone,
          pagesTotal: schema.documents.pagesTotal,
        })
        .from(schema.documents)
        .where(and(eq(schema.documents.tenantId, tenantId), eq(schema.documents.id, documentId))),
    );
    return row!;
  };
  const passages = (documentId: string) =>
    withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ ordinal: schema.chunks.ordinal, page: schema.chunks.page })
        .from(schema.chunks)
        .where(and(eq(schema.chunks.tenantId, tenantId), eq(schema.chunks.documentId, documentId)))
        .orderBy(asc(schema.chunks.ordinal)),
    );

  it('retries the job in a new worker after the lease lapses: one full set of passages, no half document, no duplicates', async () => {
    const first = await startWorker();
    step('first worker started');
    const document = largeDocument();
    const added = await addPdfDocument({ db: database.db, queue }, tenantId, document);
    expect(added.status).toBe('queued');
    const { documentId } = added;

    // Kill the worker while it reads pages: some done, not all.
    await waitUntil(
      'the first worker reading the document page by page',
      async () => {
        const row = await documentRow(documentId);
        return (row.status === 'processing' && (row.pagesDone ?? 0) > 0) || JSON.stringify(row);
      },
      60_000,
      50,
    );
    step('reading pages; killing the worker');
    first.child!.kill('SIGKILL');
    const killedAt = performance.now();
    await new Promise((resolve) => first.child!.once('exit', resolve));
    const afterKill = await documentRow(documentId);
    expect(afterKill.status, 'the kill came after the document was finished').toBe('processing');
    expect(afterKill.pagesDone).toBeLessThan(afterKill.pagesTotal ?? Infinity);
    // Nothing of the interrupted run is searchable: passages are stored in one final transaction.
    expect(await passages(documentId)).toHaveLength(0);

    step('killed; starting a new worker');
    await startWorker();
    step('new worker started');
    await waitUntil(
      'a new worker processing the document again after the lease lapsed',
      async () => {
        const row = await documentRow(documentId);
        return row.status === 'ready' || JSON.stringify(row);
      },
      120_000,
      250,
    );
    const recoveryMs = Math.round(performance.now() - killedAt);

    const done = await documentRow(documentId);
    expect(done).toMatchObject({ status: 'ready', error: null });
    expect(done.pagesDone).toBe(done.pagesTotal);
    const stored = await passages(documentId);
    // One full set: ordinals 0..n-1 exactly once each, from the first page to the last read.
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((p) => p.ordinal)).toEqual(stored.map((_, i) => i));
    const pages = stored.map((p) => p.page ?? 0);
    expect(Math.min(...pages)).toBeLessThanOrEqual(3); // a book may open with a page without text
    expect(Math.max(...pages)).toBeGreaterThan((done.pagesTotal ?? 0) * 0.9);
    // The queue retried the job (the dead worker's attempt counted), and it finished once; the
    // job is marked completed just after the document, when the worker's handler returns.
    const jobsOfDocument = () =>
      queryRows<{ state: string; retry_count: number }>(
        database.db,
        sql`select state, retry_count from pgboss.job
             where name = 'ingest-document' and data->>'documentId' = ${documentId}`,
      );
    await waitUntil(
      'the retried job marked completed',
      async () => {
        const jobs = await jobsOfDocument();
        return jobs[0]?.state === 'completed' || JSON.stringify(jobs);
      },
      15_000,
    );
    const jobs = await jobsOfDocument();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.retry_count).toBeGreaterThanOrEqual(1);
    console.log(
      `[drills] worker killed mid-ingestion: ${document.filename}, ${done.pagesTotal} pages, killed at page ` +
        `${afterKill.pagesDone}; ready ${recoveryMs} ms after the kill (lease ${WORKER_ENV.INGEST_JOB_LEASE_SECONDS} s), ` +
        `${stored.length} passages, each ordinal once, ${jobs[0]!.retry_count} retry`,
    );
    // Two worker processes start on the way (tens of seconds each on a busy machine).
  }, 300_000);
});
