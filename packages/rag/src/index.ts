export { chunkSections, type ChunkDraft, type SourceSection } from './chunking';
export { createOpenAIEmbedder, embedderFromEnv, type Embedder } from './embeddings';
export { readRagEnv, type RagEnv } from './env';
export { IngestionError, isIngestionError, type IngestionErrorCode } from './errors';
export {
  addPdfDocument,
  addTextDocument,
  enqueueIngestion,
  type AddedDocument,
  type IngestJob,
} from './ingest/add-documents';
export type { KnowledgeDeps } from './ingest/deps';
export { addFaqEntries, type FaqImportResult } from './ingest/faq';
export {
  deleteFaqEntry,
  listFaqEntries,
  updateFaqEntry,
  type FaqEntrySummary,
} from './ingest/faq-entries';
export { limitsFromEnv, type IngestLimits } from './ingest/limits';
export {
  deleteDocument,
  getDocument,
  listDocuments,
  reingestDocument,
  type DocumentSummary,
} from './ingest/manage';
export { processDocument } from './ingest/process-document';
export { startIngestionWorker } from './ingest/worker';
export { searchConfigFor } from './languages';
export {
  searchKnowledge,
  searchKnowledgeIn,
  type SearchHit,
  type SearchOptions,
} from './search/search';
export { parseFaqCsv, parseFaqMarkdown, ZFaqEntry, type TFaqEntry } from './sources/faq-import';
