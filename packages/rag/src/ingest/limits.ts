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

/** A size as a person reads it: "31.2 MB", "20 MB", "4 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
