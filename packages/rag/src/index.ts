export { chunkSections, type ChunkDraft, type SourceSection } from './chunking';
export { createOpenAIEmbedder, embedderFromEnv, type Embedder } from './embeddings';
export { readRagEnv, type RagEnv } from './env';
export { IngestionError, isIngestionError, type IngestionErrorCode } from './errors';
export {
  addFileDocument,
  addPdfDocument,
  addTextDocument,
  enqueueIngestion,
  type AddedDocument,
  type IngestJob,
  type NewFile,
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
export { PDF_VIEWER_ASSETS, type PdfViewerAsset } from './pdf/viewer-assets';
export { startIngestionWorker } from './ingest/worker';
export { searchConfigFor } from './languages';
export {
  searchKnowledge,
  searchKnowledgeIn,
  type SearchHit,
  type SearchOptions,
} from './search/search';
export { parseFaqCsv, parseFaqMarkdown, ZFaqEntry, type TFaqEntry } from './sources/faq-import';
export { documentText } from './sources/document-text';
export { citationLink } from './web/text-fragment';
export { crawlWebsite, type CrawlDeps, type CrawlSummary } from './web/crawl-website';
export { crawlSettingsFromEnv, queueDueCrawls, startCrawlWorker } from './web/crawl-worker';
export { DEFAULT_CRAWL_FETCH, type CrawlFetchOptions } from './web/polite-fetcher';
export {
  createWebsiteSource,
  listWebsitePages,
  listWebsiteSourceRows,
  queueWebsiteCrawl,
  removeWebsiteSource,
  ZWebsiteSourceInput,
  type CrawlJob,
  type TWebsiteSourceInput,
  type WebsitePageSummary,
  type WebsiteSourceSummary,
} from './web/website-sources';
