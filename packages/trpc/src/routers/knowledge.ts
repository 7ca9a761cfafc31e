import { getDocument, listDocuments, listFaqEntries, ZFaqEntry } from '@replyline/rag';
import { z } from 'zod';
import { documentNotFound } from '@replyline/core/knowledge';
import { addText, reingest, removeDocument } from '@replyline/core/knowledge';
import { addFaq, editFaq, importFaq, removeFaq } from '@replyline/core/knowledge';
import { testTheBot } from '@replyline/core/knowledge';
import {
  listDocumentPassages,
  listDocumentSections,
  renameDocument,
} from '@replyline/core/knowledge';
import {
  addWebsiteSource,
  deleteWebsiteSource,
  getWebsiteSource,
  listWebsiteSources,
  recrawlWebsiteSource,
} from '@replyline/core/knowledge';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

// Files are uploaded through the dashboard's upload route (uploadDocument): a file is not JSON.

const ZDocumentId = z.object({ documentId: z.uuid() });
const ZFaqEntryId = z.object({ faqEntryId: z.uuid() });
const ZSourceId = z.object({ sourceId: z.uuid() });
const ZPatterns = z.array(z.string().trim().min(1).max(200)).max(50);
/** A pasted or dropped FAQ file; room for thousands of entries. */
const MAX_IMPORT_CHARS = 2_000_000;

const agent = tenantProcedure.meta({ role: 'agent' });
const admin = tenantProcedure.meta({ role: 'admin' });

export const knowledgeRouter = router({
  /** Every document with its status and progress, newest first (poll while some are queued). */
  list: agent.query(({ ctx }) => listDocuments(ctx, ctx.tenantId)),

  get: agent.input(ZDocumentId).query(async ({ ctx, input }) => {
    const found = await getDocument(ctx, ctx.tenantId, input.documentId);
    if (!found) throw documentNotFound();
    return found;
  }),

  /** A text or Markdown document, queued for ingestion. */
  addText: admin
    .input(
      z.object({
        title: z.string().trim().min(1, 'a document needs a title').max(200),
        text: z.string().min(1, 'the document is empty').max(5_000_000),
        format: z.enum(['text', 'markdown']).default('markdown'),
      }),
    )
    .mutation(({ ctx, input }) => addText(ctx, input)),

  delete: admin
    .input(ZDocumentId)
    .mutation(({ ctx, input }) => removeDocument(ctx, input.documentId)),

  /** The document view: one page of passages in reading order, or those with the search words. */
  passages: agent
    .input(
      ZDocumentId.extend({
        page: z.number().int().min(1).max(100_000).default(1),
        search: z.string().trim().max(200).optional(),
      }),
    )
    .query(({ ctx, input }) => listDocumentPassages(ctx.db, ctx.tenantId, input)),

  /** The document view's outline: pages of a PDF, headings of anything else. */
  sections: agent
    .input(ZDocumentId)
    .query(({ ctx, input }) => listDocumentSections(ctx.db, ctx.tenantId, input.documentId)),

  rename: admin
    .input(
      ZDocumentId.extend({ title: z.string().trim().min(1, 'a document needs a title').max(200) }),
    )
    .mutation(({ ctx, input }) => renameDocument(ctx, input)),

  /** Processes a stored file again (after a failure, or a change of language). */
  reingest: admin.input(ZDocumentId).mutation(({ ctx, input }) => reingest(ctx, input.documentId)),

  /** The FAQ editor's list. */
  faqEntries: agent.query(({ ctx }) => listFaqEntries(ctx, ctx.tenantId)),

  /** FAQ entries typed in the editor; searchable at once, all or none. */
  addFaq: admin
    .input(z.object({ entries: z.array(ZFaqEntry).min(1).max(100) }))
    .mutation(({ ctx, input }) => addFaq(ctx, input.entries)),

  /** A CSV (question,answer) or Markdown (`## question`) file; one bad entry and none are added. */
  importFaq: admin
    .input(
      z.object({
        format: z.enum(['csv', 'markdown']),
        content: z
          .string()
          .min(1, 'the file is empty')
          .max(MAX_IMPORT_CHARS, 'the file is too large (2 MB at most)'),
        filename: z.string().trim().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => importFaq(ctx, input)),

  updateFaq: admin
    .input(ZFaqEntryId.extend({ entry: ZFaqEntry }))
    .mutation(({ ctx, input }) => editFaq(ctx, input.faqEntryId, input.entry)),

  deleteFaq: admin
    .input(ZFaqEntryId)
    .mutation(({ ctx, input }) => removeFaq(ctx, input.faqEntryId)),

  /** Website sources with crawl status and progress (poll while one is queued or crawling). */
  websites: agent.query(({ ctx }) => listWebsiteSources(ctx)),

  /** One website source with its pages, each with its status and problem. */
  website: agent.input(ZSourceId).query(({ ctx, input }) => getWebsiteSource(ctx, input.sourceId)),

  /** Adds a site by its address (and optionally its sitemap); its first crawl is queued. */
  addWebsite: admin
    .input(
      z.object({
        url: z.string().trim().min(1, 'enter the address of your website').max(2_000),
        sitemapUrl: z.string().trim().max(2_000).optional(),
        maxPages: z.number().int().min(1).max(5_000).optional(),
        maxDepth: z.number().int().min(0).max(20).optional(),
        include: ZPatterns.optional(),
        exclude: ZPatterns.optional(),
        schedule: z.enum(['daily', 'weekly', 'manual']).optional(),
      }),
    )
    .mutation(({ ctx, input }) => addWebsiteSource(ctx, input)),

  recrawlWebsite: admin
    .input(ZSourceId)
    .mutation(({ ctx, input }) => recrawlWebsiteSource(ctx, input.sourceId)),

  deleteWebsite: admin
    .input(ZSourceId)
    .mutation(({ ctx, input }) => deleteWebsiteSource(ctx, input.sourceId)),

  /** "Test the bot": the answer and the passages it drew on, with their scores; nothing stored. */
  playground: agent
    .input(z.object({ question: z.string().min(1).max(2_000) }))
    .mutation(({ ctx, input }) => testTheBot(ctx, ctx.tenantId, input.question)),
});
