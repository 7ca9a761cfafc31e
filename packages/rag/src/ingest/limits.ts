import type { RagEnv } from '../env';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from '../pdf/extract-pdf';

export interface IngestLimits extends PdfLimits {
  /** See INGEST_JOB_LEASE_SECONDS. */
  jobLeaseSeconds: number;
}

export const DEFAULT_JOB_LEASE_SECONDS = 60;

export function limitsFromEnv(env: RagEnv): IngestLimits {
  return {
    ...DEFAULT_PDF_LIMITS,
    maxBytes: Math.round(env.RAG_MAX_UPLOAD_MB * 1024 * 1024),
    maxPages: env.RAG_MAX_PAGES,
    timeoutMs: env.PDF_TIMEOUT_MS,
    memoryMb: env.PDF_MEMORY_MB,
    jobLeaseSeconds: env.INGEST_JOB_LEASE_SECONDS,
  };
}
