import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  bigint,
  real,
  text,
  uniqueIndex,
  uuid,
  vector,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, regconfig, tenantId, tsvector, updatedAt } from './columns';
import { conversations } from './conversations';
import { tenants } from './tenants';

export const documentKind = pgEnum('document_kind', [
  'pdf',
  'text',
  'markdown',
  'faq',
  'docx',
  'html',
  'web',
]);
export const documentStatus = pgEnum('document_status', [
  'queued',
  'processing',
  'ready',
  'failed',
]);

/** Dimensions of stored embeddings (OpenAI text-embedding-3-small and compatible models). */
export const EMBEDDING_DIMENSIONS = 1536;

export const documents = pgTable(
  'documents',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    kind: documentKind().notNull(),
    title: text().notNull(),
    /** SHA-256 of the source bytes: the same file uploaded twice is one document. */
    contentHash: text().notNull(),
    sizeBytes: integer().notNull().default(0),
    mimeType: text(),
    /** Where the original bytes live (e.g. `blob:<key>`); null for text typed in the dashboard. */
    storageKey: text(),
    /** Web pages: the page's address, which a citation of the document links to. */
    sourceUrl: text(),
    status: documentStatus().notNull().default('queued'),
    error: text(),
    pagesTotal: integer(),
    pagesDone: integer().notNull().default(0),
    /** Set when the document came from one end customer (GDPR erasure follows it). */
    conversationId: uuid(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('documents_content_hash_key').on(t.tenantId, t.contentHash),
    foreignKey({
      name: 'documents_conversation_fk',
      columns: [t.tenantId, t.conversationId],
      foreignColumns: [conversations.tenantId, conversations.id],
    }).onDelete('cascade'),
    index('documents_status_idx').on(t.tenantId, t.status),
  ],
);

export const faqEntries = pgTable(
  'faq_entries',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    question: text().notNull(),
    answer: text().notNull(),
    /** The document that represents this entry in retrieval (one chunk per entry). */
    documentId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'faq_entries_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [documents.tenantId, documents.id],
    }).onDelete('cascade'),
  ],
);

export const chunks = pgTable(
  'chunks',
  {
    tenantId: tenantId(),
    id: id(),
    documentId: uuid().notNull(),
    /** Position of the chunk within its document, for stable ordering and idempotent re-ingest. */
    ordinal: integer().notNull(),
    content: text().notNull(),
    /** Text-search configuration of the tenant at ingest time (english, swedish, simple, ...). */
    language: regconfig().notNull(),
    /** Extra weight for FAQ questions, folded into the tsvector as weight A. */
    title: text(),
    tsv: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector(language, coalesce(title, '')), 'A') || to_tsvector(language, content)`,
      ),
    /** Words in the passage (tsvector positions): the document length of BM25. */
    termCount: integer()
      .notNull()
      .generatedAlwaysAs(
        sql`tsvector_term_count(setweight(to_tsvector(language, coalesce(title, '')), 'A') || to_tsvector(language, content))`,
      ),
    embedding: vector({ dimensions: EMBEDDING_DIMENSIONS }),
    page: integer(),
    heading: text(),
    tokenCount: integer().notNull().default(0),
    boost: real().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('chunks_document_ordinal_key').on(t.tenantId, t.documentId, t.ordinal),
    foreignKey({
      name: 'chunks_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [documents.tenantId, documents.id],
    }).onDelete('cascade'),
    index('chunks_tsv_idx').using('gin', t.tsv),
    index('chunks_embedding_idx').using('hnsw', t.embedding.op('vector_cosine_ops')),
  ],
);

/** Original bytes of an uploaded file, kept until its document is deleted (re-ingest reads them). */
export const documentFiles = pgTable(
  'document_files',
  {
    tenantId: tenantId(),
    documentId: uuid().notNull(),
    filename: text().notNull(),
    bytes: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.documentId] }),
    foreignKey({
      name: 'document_files_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [documents.tenantId, documents.id],
    }).onDelete('cascade'),
  ],
);

/**
 * BM25 statistics per tenant: in how many chunks each lexeme occurs. Maintained by statement
 * triggers on `chunks` (see the search_statistics migration), so every writer keeps them right.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    lexeme: text().notNull(),
    docFreq: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.lexeme] })],
);

/**
 * BM25 postings per tenant: one row per (passage, word) with the word's weighted frequency,
 * so a search reads only its own words' rows instead of every candidate's whole tsvector.
 * Written and deleted by the same statement triggers as `search_terms`. The impact index keeps
 * each word's passages best first (its BM25 share at insert time), so a common word costs a
 * bounded read at any corpus size; it covers every column a search needs (index-only scans).
 * No foreign keys: one check per word of every inserted passage would slow ingestion, and the
 * rows go with their chunk through the delete trigger (a deleted tenant cascades to chunks).
 */
export const searchPostings = pgTable(
  'search_postings',
  {
    tenantId: tenantId(),
    lexeme: text().notNull(),
    chunkId: uuid().notNull(),
    /** Occurrences in the passage, an FAQ question's counting three times (as `tsv` weight A). */
    tf: integer().notNull(),
    /** The passage's length in words (`chunks.term_count`), BM25's document length. */
    termCount: integer().notNull(),
    /** The passage's `chunks.boost`, so ranking needs no visit to `chunks`. */
    boost: real().notNull(),
    /** BM25 term-frequency share with the tenant's average length at insert time: the order only. */
    impact: real().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.chunkId, t.lexeme] }),
    index('search_postings_impact_idx').on(
      t.tenantId,
      t.lexeme,
      t.impact.desc(),
      t.chunkId,
      t.tf,
      t.termCount,
      t.boost,
    ),
  ],
);

/** Corpus size per tenant for BM25: chunk count and summed chunk lengths (distinct lexemes). */
export const searchCorpus = pgTable('search_corpus', {
  tenantId: tenantId()
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  chunkCount: bigint({ mode: 'number' }).notNull().default(0),
  totalLength: bigint({ mode: 'number' }).notNull().default(0),
});
