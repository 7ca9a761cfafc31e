import { approximateTokens, schema, withTenant, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';
import { chunkSections, type ChunkDraft, type SourceSection } from '../chunking';
import { IngestionError, isIngestionError } from '../errors';
import { searchConfigFor } from '../languages';
import { extractPdf, type PdfExtraction } from '../pdf/extract-pdf';
import { documentText } from '../sources/document-text';
import { markdownSections } from '../sources/markdown';
import type { KnowledgeDeps } from './deps';

const { chunks, documentFiles, documents, tenants } = schema;

/** How often progress is written while a PDF is extracted (the dashboard polls it). */
const PROGRESS_INTERVAL_MS = 250;
const INSERT_BATCH = 500;

export type ProcessOutcome = 'ready' | 'failed' | 'gone';

/**
 * Turns a stored document into searchable chunks. Everything the tenant can search is written
 * in one final transaction that first removes the document's old chunks, so a crash or kill
 * mid-way leaves the previous state, and a retry produces exactly the same chunks once.
 * Problems with the file itself fail the document with a readable reason; anything else is
 * thrown for the queue to retry, and recorded as a failure on the last attempt.
 */
export async function processDocument(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  documentId: string,
  options: { lastAttempt?: boolean } = {},
): Promise<ProcessOutcome> {
  const source = await startProcessing(deps, tenantId, documentId);
  if (!source) return 'gone';
  try {
    const sections = await extractSections(deps, tenantId, documentId, source);
    const drafts = await chunkSections(sections.sections);
    if (drafts.length === 0)
      throw new IngestionError('no_text', 'The document has no text to search.');
    const embeddings = deps.embedder
      ? await deps.embedder.embed(drafts.map((d) => d.content))
      : null;
    return await storeChunks(deps, tenantId, documentId, {
      drafts,
      embeddings,
      pageCount: sections.pageCount,
      language: source.language,
      hiddenText: sections.hiddenText,
    });
  } catch (error) {
    if (isIngestionError(error)) return markFailed(deps, tenantId, documentId, error.message);
    if (options.lastAttempt) {
      await markFailed(
        deps,
        tenantId,
        documentId,
        'Processing failed several times; try again later or contact support.',
      );
    }
    throw error;
  }
}

interface DocumentSource {
  kind: (typeof documents.$inferSelect)['kind'];
  bytes: Buffer;
  language: string;
}

async function startProcessing(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  documentId: string,
): Promise<DocumentSource | null> {
  return withTenant(deps.db, tenantId, async (tx) => {
    const [row] = await tx
      .select({ kind: documents.kind, bytes: documentFiles.bytes, language: tenants.language })
      .from(documents)
      .innerJoin(
        documentFiles,
        and(
          eq(documentFiles.tenantId, documents.tenantId),
          eq(documentFiles.documentId, documents.id),
        ),
      )
      .innerJoin(tenants, eq(tenants.id, documents.tenantId))
      .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
    if (!row) return null;
    await setStatus(tx, tenantId, documentId, { status: 'processing', error: null, pagesDone: 0 });
    return { ...row, language: searchConfigFor(row.language) };
  });
}

async function extractSections(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  documentId: string,
  source: DocumentSource,
) {
  if (source.kind !== 'pdf') {
    const sections = markdownSections(await documentText(source));
    return { sections, pageCount: 1, hiddenText: null };
  }
  const progress = progressWriter(deps, tenantId, documentId);
  const extraction = await extractPdf(
    new Uint8Array(source.bytes),
    deps.limits,
    progress.report,
  ).finally(progress.flush);
  const sections: SourceSection[] = extraction.pages.map((p) => ({
    text: p.text,
    page: p.page,
    heading: p.headings[0] ?? null,
  }));
  if (extraction.hiddenText.items > 0)
    reportHiddenText(tenantId, documentId, extraction.hiddenText);
  return { sections, pageCount: extraction.pageCount, hiddenText: extraction.hiddenText };
}

/**
 * Writes "pages done / total" at most every PROGRESS_INTERVAL_MS, never blocking extraction.
 * Only while the document is processing: a late report can never rewind a finished document.
 */
function progressWriter(deps: KnowledgeDeps, tenantId: TenantId, documentId: string) {
  let lastWrite = 0;
  let closed = false;
  let latest: [number, number] | null = null;
  let pending: Promise<unknown> = Promise.resolve();
  const write = (pagesDone: number, pagesTotal: number) =>
    withTenant(deps.db, tenantId, (tx) =>
      tx
        .update(documents)
        .set({ pagesDone, pagesTotal })
        .where(
          and(
            eq(documents.tenantId, tenantId),
            eq(documents.id, documentId),
            eq(documents.status, 'processing'),
          ),
        ),
    ).catch(() => undefined);
  return {
    report: (pagesDone: number, pagesTotal: number) => {
      if (closed) return;
      latest = [pagesDone, pagesTotal];
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
      lastWrite = now;
      pending = pending.then(() => write(pagesDone, pagesTotal));
    },
    flush: async () => {
      closed = true;
      await pending;
      if (latest) await write(...latest);
    },
  };
}

async function storeChunks(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  documentId: string,
  content: {
    drafts: ChunkDraft[];
    embeddings: number[][] | null;
    pageCount: number;
    language: string;
    /** PDFs: the invisible text left out (see pdf/hidden-text.mjs), kept on the document. */
    hiddenText: PdfExtraction['hiddenText'] | null;
  },
): Promise<ProcessOutcome> {
  return withTenant(deps.db, tenantId, async (tx) => {
    // Deleted while we worked: nothing to store.
    const [current] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)))
      .for('update');
    if (!current) return 'gone';
    await tx
      .delete(chunks)
      .where(and(eq(chunks.tenantId, tenantId), eq(chunks.documentId, documentId)));
    const rows = content.drafts.map((draft, index) => ({
      tenantId,
      documentId,
      ordinal: draft.ordinal,
      content: draft.content,
      page: draft.page,
      heading: draft.heading,
      language: content.language,
      tokenCount: approximateTokens(draft.content),
      embedding: content.embeddings?.[index] ?? null,
    }));
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await tx.insert(chunks).values(rows.slice(start, start + INSERT_BATCH));
    }
    await setStatus(tx, tenantId, documentId, {
      status: 'ready',
      error: null,
      pagesDone: content.pageCount,
      pagesTotal: content.pageCount,
    });
    if (content.hiddenText) await recordHiddenText(tx, tenantId, documentId, content.hiddenText);
    return 'ready';
  });
}

/**
 * A first processing that fails keeps nothing. Processing again that fails keeps the passages
 * the document already had (still searchable, status ready) and says why the new run failed:
 * re-processing never loses knowledge.
 */
async function markFailed(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  documentId: string,
  reason: string,
): Promise<ProcessOutcome> {
  return withTenant(deps.db, tenantId, async (tx) => {
    const [kept] = await tx
      .select({ id: chunks.id })
      .from(chunks)
      .where(and(eq(chunks.tenantId, tenantId), eq(chunks.documentId, documentId)))
      .limit(1);
    if (kept) {
      await setStatus(tx, tenantId, documentId, {
        status: 'ready',
        error: `Processing again failed: ${reason} The earlier version is still used.`,
      });
      return 'ready';
    }
    await setStatus(tx, tenantId, documentId, { status: 'failed', error: reason });
    return 'failed';
  });
}

function setStatus(
  tx: TenantDb,
  tenantId: TenantId,
  documentId: string,
  values: Partial<typeof documents.$inferInsert>,
) {
  return tx
    .update(documents)
    .set(values)
    .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
}

/** Kept in the document's metadata (merged), so the dashboard can say what was left out. */
function recordHiddenText(
  tx: TenantDb,
  tenantId: TenantId,
  documentId: string,
  hiddenText: PdfExtraction['hiddenText'],
) {
  return tx
    .update(documents)
    .set({ metadata: sql`${documents.metadata} || ${JSON.stringify({ hiddenText })}::jsonb` })
    .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
}

/**
 * Hidden text in an uploaded PDF is worth an operator's look (it is how instructions are
 * smuggled to the answer engine); one structured line, without the text itself.
 */
function reportHiddenText(
  tenantId: TenantId,
  documentId: string,
  hidden: PdfExtraction['hiddenText'],
) {
  console.warn(
    JSON.stringify({ event: 'pdf.hidden_text_dropped', tenantId, documentId, ...hidden }),
  );
}
