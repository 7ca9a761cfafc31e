import {
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';
import { documents } from './knowledge';
import { tenants } from './tenants';

export const websiteCrawlSchedule = pgEnum('website_crawl_schedule', ['daily', 'weekly', 'manual']);
export const websiteCrawlStatus = pgEnum('website_crawl_status', [
  'queued',
  'crawling',
  'ready',
  'failed',
]);

/** A business's website, crawled into knowledge (one document per page) on its schedule. */
export const websiteSources = pgTable(
  'website_sources',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    startUrl: text().notNull(),
    sitemapUrl: text(),
    maxPages: integer().notNull().default(200),
    maxDepth: integer().notNull().default(5),
    includePatterns: text().array().notNull().default([]),
    excludePatterns: text().array().notNull().default([]),
    schedule: websiteCrawlSchedule().notNull().default('weekly'),
    status: websiteCrawlStatus().notNull().default('queued'),
    /** Why the whole crawl stopped (start page unreachable); page problems live on the pages. */
    error: text(),
    pagesFound: integer().notNull().default(0),
    pagesDone: integer().notNull().default(0),
    pagesChanged: integer().notNull().default(0),
    pagesFailed: integer().notNull().default(0),
    lastCrawledAt: timestamp({ withTimezone: true }),
    nextCrawlAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('website_sources_start_url_key').on(t.tenantId, t.startUrl),
    index('website_sources_next_crawl_idx').on(t.tenantId, t.nextCrawlAt),
  ],
);

/**
 * Every page a crawl reached, with what the next crawl needs to skip it cheaply (validators
 * for a conditional request, the hash of its extracted text) and what went wrong, if anything.
 */
export const websitePages = pgTable(
  'website_pages',
  {
    tenantId: tenantId(),
    sourceId: uuid().notNull(),
    url: text().notNull(),
    /** Set null when the document is deleted (ON DELETE SET NULL (document_id) in the migration). */
    documentId: uuid(),
    title: text(),
    status: text({ enum: ['indexed', 'skipped', 'failed'] }).notNull(),
    error: text(),
    httpStatus: integer(),
    etag: text(),
    lastModified: text(),
    contentHash: text(),
    depth: integer().notNull().default(0),
    /** Same-site links found on the page: a page answering 304 still leads the crawl on. */
    links: text().array().notNull().default([]),
    lastCrawledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sourceId, t.url] }),
    foreignKey({
      name: 'website_pages_source_fk',
      columns: [t.tenantId, t.sourceId],
      foreignColumns: [websiteSources.tenantId, websiteSources.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'website_pages_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [documents.tenantId, documents.id],
    }),
  ],
);
