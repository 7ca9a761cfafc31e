export { helpArticleCap } from './article-cap';
export { documentNotFound, knowledgeDeps, type KnowledgeActor } from './knowledge-deps';
export { addText, reingest, removeDocument } from './manage-documents';
export { addFaq, editFaq, importFaq, removeFaq } from './manage-faq';
export { testTheBot } from './test-the-bot';
export {
  checkedKind,
  UPLOAD_EXTENSIONS,
  uploadDocument,
  type UploadDocumentInput,
  type UploadKind,
} from './upload-document';
export { addDocumentFile, type DocumentFile } from './add-document-file';
export { getKnowledgeDocument, listKnowledgeDocuments } from './read-documents';
export {
  getDocumentOriginal,
  listDocumentPassages,
  listDocumentSections,
  PASSAGES_PER_PAGE,
  renameDocument,
  type DocumentOriginal,
  type DocumentPassage,
  type DocumentPassagesPage,
  type DocumentSection,
} from './document-view';
export {
  removeFaqByExternalId,
  upsertFaqByExternalId,
  ZExternalId,
  type SyncedFaqEntry,
} from './sync-faq-by-external-id';
export {
  addWebsiteSource,
  deleteWebsiteSource,
  getWebsiteSource,
  listWebsiteSources,
  recrawlWebsiteSource,
  type TWebsiteSourceInput,
  type WebsitePageSummary,
  type WebsiteSourceSummary,
} from './website-sources';
