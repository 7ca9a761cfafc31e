import { limitsFromEnv, readRagEnv, type IngestLimits } from '@replyline/rag';

/** The ingestion limits the API's worker applies too (RAG_MAX_UPLOAD_MB and friends). */
export function uploadLimits(): IngestLimits {
  return limitsFromEnv(readRagEnv());
}
