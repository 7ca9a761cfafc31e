import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import { DomainError } from '../domain-error';
import { auditKnowledge, documentNotFound, type KnowledgeActor } from './knowledge-deps';
import { getKnowledgeDocument } from './read-documents';

const { chunks, documentFiles, documents } = schema;

export const PASSAGES_PER_PAGE = 20;

export interface DocumentPassage {
  ordinal: number;
  page: number | null;
  heading: string | null;
  content: string;
}

/** A page or section of a document and how many passages it has (the view's outline). */
export interface DocumentSection {
  page: number | null;
  heading: string | null;
  passages: number;
  firstOrdinal: number;
}

export interface DocumentPassagesPage {
  passages: DocumentPassage[];
  /** Passages that match (all of them without a search). */
  total: number;
  page: number;
  pageCount: number;
}

/**
 * One page of a document's passages in reading order, optionally only those containing the
 * search words (every word, in any case). `page` is 1-based; past the end gives an empty list.
 */
export async function listDocumentPassages(
  db: Database,
  tenantId: TenantId,
  input: { documentId: string; page?: number; search?: string },
): Promise<DocumentPassagesPage> {
  await getKnowledgeDocument(db, tenantId, input.documentId);
  const page = Math.max(1, input.page ?? 1);
  const where = and(
    eq(chunks.tenantId, tenantId),
    eq(chunks.documentId, input.documentId),
    ...searchWords(input.search).map((word) => ilike(chunks.content, `%${escapeLike(word)}%`)),
  );
  return withTenant(db, tenantId, async (tx) => {
    const [counted] = await tx.select({ total: count() }).from(chunks).where(where);
    const passages = await tx
      .select({
        ordinal: chunks.ordinal,
        page: chunks.page,
        heading: chunks.heading,
        content: chunks.content,
      })
      .from(chunks)
      .where(where)
      .orderBy(asc(chunks.ordinal))
      .limit(PASSAGES_PER_PAGE)
      .offset((page - 1) * PASSAGES_PER_PAGE);
    const total = counted?.total ?? 0;
    return { passages, total, page, pageCount: Math.max(1, Math.ceil(total / PASSAGES_PER_PAGE)) };
  });
}

/** The document's pages (PDFs) or sections (headings), in order, with their passage counts. */
export async function listDocumentSections(
  db: Database,
  tenantId: TenantId,
  documentId: string,
): Promise<DocumentSection[]> {
  const found = await getKnowledgeDocument(db, tenantId, documentId);
  // A PDF's outline is its pages; any other document's is its headings.
  const byPage = found.kind === 'pdf';
  return withTenant(db, tenantId, (tx) =>
    tx
      .select({
        page: byPage ? chunks.page : sql<number | null>`null::int`,
        heading: byPage
          ? sql<string | null>`(array_agg(${chunks.heading} order by ${chunks.ordinal}))[1]`
          : chunks.heading,
        passages: count(),
        firstOrdinal: sql<number>`min(${chunks.ordinal})`.mapWith(Number),
      })
      .from(chunks)
      .where(and(eq(chunks.tenantId, tenantId), eq(chunks.documentId, documentId)))
      .groupBy(byPage ? chunks.page : chunks.heading)
      .orderBy(sql`min(${chunks.ordinal})`),
  );
}

/** Renames a document; its passages are cited under the new title from now on. */
export async function renameDocument(
  ctx: KnowledgeActor,
  input: { documentId: string; title: string },
): Promise<{ title: string }> {
  const found = await getKnowledgeDocument(ctx.db, ctx.tenantId, input.documentId);
  if (found.kind === 'faq')
    throw new DomainError('bad_input', 'An FAQ entry is named by its question; edit the entry.');
  const title = input.title.trim();
  if (!title) throw new DomainError('bad_input', 'A document needs a title.');
  await withTenant(ctx.db, ctx.tenantId, (tx) =>
    tx
      .update(documents)
      .set({ title })
      .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, input.documentId))),
  );
  await auditKnowledge(ctx, {
    action: 'knowledge.document_renamed',
    targetType: 'document',
    targetId: input.documentId,
    details: { from: found.title, to: title },
  });
  return { title };
}

export type DocumentOriginal =
  | { kind: 'file'; filename: string; mimeType: string; bytes: Buffer }
  | { kind: 'link'; url: string };

const MIME_OF_KIND: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

/**
 * The original as uploaded (a web page: its address, since what we keep is only its text).
 * not_found for another workspace's document or one with no stored file (FAQ entries).
 */
export async function getDocumentOriginal(
  db: Database,
  tenantId: TenantId,
  documentId: string,
): Promise<DocumentOriginal> {
  const found = await getKnowledgeDocument(db, tenantId, documentId);
  if (found.kind === 'web' && found.sourceUrl) return { kind: 'link', url: found.sourceUrl };
  const [file] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        filename: documentFiles.filename,
        bytes: documentFiles.bytes,
        mimeType: documents.mimeType,
      })
      .from(documentFiles)
      .innerJoin(
        documents,
        and(
          eq(documents.tenantId, documentFiles.tenantId),
          eq(documents.id, documentFiles.documentId),
        ),
      )
      .where(and(eq(documentFiles.tenantId, tenantId), eq(documentFiles.documentId, documentId))),
  );
  if (!file) throw documentNotFound();
  return {
    kind: 'file',
    filename: file.filename,
    mimeType: file.mimeType ?? MIME_OF_KIND[found.kind] ?? 'application/octet-stream',
    bytes: file.bytes,
  };
}

function searchWords(search: string | undefined): string[] {
  return (search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
