import { QUEUES, type PgBoss } from '@replyline/db';
import type { IngestJob } from './add-documents';
import type { KnowledgeDeps } from './deps';
import { processDocument } from './process-document';

/**
 * Processes queued documents, one at a time per process (extraction is CPU-bound; scale by
 * running more worker processes). Returns the worker id for `boss.offWork`.
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
        await processDocument({ ...deps, queue: boss }, job.data.tenantId, job.data.documentId, {
          lastAttempt,
        });
      }
      // A job was there, so more may be waiting: fetch again at once instead of after the polling interval.
      boss.notifyWorker(workerId);
    },
  );
  return workerId;
}
