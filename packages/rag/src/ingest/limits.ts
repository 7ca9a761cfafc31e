import type { RagEnv } from '../env';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from '../pdf/extract-pdf';

export type IngestLimits = PdfLimits;

export function limitsFromEnv(env: RagEnv): IngestLimits {
  return {
    ...DEFAULT_PDF_LIMITS,
    maxBytes: Math.round(env.RAG_MAX_UPLOAD_MB * 1024 * 1024),
    maxPages: env.RAG_MAX_PAGES,
    timeoutMs: env.PDF_TIMEOUT_MS,
    memoryMb: env.PDF_MEMORY_MB,
  };
}
