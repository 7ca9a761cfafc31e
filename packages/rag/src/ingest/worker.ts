import { holdJobLease, QUEUES, type PgBoss } from '@replyline/db';
import type { IngestJob } from './add-documents';
import type { KnowledgeDeps } from './deps';
import { DEFAULT_JOB_LEASE_SECONDS } from './limits';
import { processDocument } from './process-document';

/**
 * Processes queued documents, one at a time per process (extraction is CPU-bound; scale by
 * running more worker processes). Each job is leased while it runs (see `holdJobLease`): a
 * worker killed mid-document hands it back to the queue within about a lease, and processing
 * is idempotent, so the retry stores exactly one full set of passages. Returns the worker id
 * for `boss.offWork`.
 */
export async function startIngestionWorker(
  boss: PgBoss,
  deps: Omit<KnowledgeDeps, 'queue'>,
): Promise<string> {
  let workerId = '';
  workerId = await boss.work<IngestJob>(
    QUEUES.ingestDocument,
    { batchSize: 1, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs) {
        const lastAttempt = job.retryCount >= job.retryLimit;
        const leaseSeconds = deps.limits?.jobLeaseSeconds ?? DEFAULT_JOB_LEASE_SECONDS;
        const lease = holdJobLease(boss, QUEUES.ingestDocument, job.id, leaseSeconds);
        try {
          await processDocument({ ...deps, queue: boss }, job.data.tenantId, job.data.documentId, {
            lastAttempt,
          });
        } finally {
          lease.release();
        }
      }
      // A job was there, so more may be waiting: fetch again at once instead of after the polling interval.
      boss.notifyWorker(workerId);
    },
  );
  return workerId;
}
