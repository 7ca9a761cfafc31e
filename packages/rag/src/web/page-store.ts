import { contentHash, schema, withTenant, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { KnowledgeDeps } from '../ingest/deps';

const { documentFiles, documents, websitePages } = schema;

export type StoredPage = typeof websitePages.$inferSelect;
export type PageRecord = Omit<typeof websitePages.$inferInsert, 'tenantId' | 'sourceId'>;

export async function readPages(
  tx: TenantDb,
  tenantId: TenantId,
  sourceId: string,
): Promise<Map<string, StoredPage>> {
  const rows = await tx
    .select()
    .from(websitePages)
    .where(and(eq(websitePages.tenantId, tenantId), eq(websitePages.sourceId, sourceId)));
  return new Map(rows.map((row) => [row.url, row]));
}

export async function savePage(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  sourceId: string,
  page: PageRecord,
): Promise<void> {
  const values = { ...page, tenantId, sourceId, lastCrawledAt: new Date() };
  await withTenant(deps.db, tenantId, (tx) =>
    tx
      .insert(websitePages)
      .values(values)
      .onConflictDoUpdate({
        target: [websitePages.tenantId, websitePages.sourceId, websitePages.url],
        set: values,
      }),
  );
}

/**
 * Writes a page's extracted text as its document (new, or the same document with new text),
 * ready to be processed. The document's hash names the page, not its text: the same text on
 * two pages is two documents, each citing its own address.
 */
export async function storePageDocument(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  page: { sourceId: string; url: string; title: string; text: string; documentId: string | null },
): Promise<string> {
  const bytes = Buffer.from(page.text, 'utf8');
  return withTenant(deps.db, tenantId, async (tx) => {
    const fields = {
      title: page.title.slice(0, 300),
      sizeBytes: bytes.length,
      status: 'queued' as const,
      error: null,
      sourceUrl: page.url,
    };
    const [existing] = page.documentId
      ? await tx
          .update(documents)
          .set(fields)
          .where(and(eq(documents.tenantId, tenantId), eq(documents.id, page.documentId)))
          .returning({ id: documents.id })
      : [];
    const documentId = existing?.id ?? (await insertPageDocument(tx, tenantId, page, fields));
    await tx
      .insert(documentFiles)
      .values({ tenantId, documentId, filename: page.url.slice(0, 500), bytes })
      .onConflictDoUpdate({
        target: [documentFiles.tenantId, documentFiles.documentId],
        set: { bytes, filename: page.url.slice(0, 500) },
      });
    return documentId;
  });
}

async function insertPageDocument(
  tx: TenantDb,
  tenantId: TenantId,
  page: { sourceId: string; url: string },
  fields: Partial<typeof documents.$inferInsert> & { title: string },
): Promise<string> {
  const [row] = await tx
    .insert(documents)
    .values({
      ...fields,
      tenantId,
      kind: 'web',
      contentHash: contentHash('web', page.sourceId, page.url),
      mimeType: 'text/html',
      storageKey: 'document_files',
    })
    .onConflictDoUpdate({ target: [documents.tenantId, documents.contentHash], set: fields })
    .returning({ id: documents.id });
  return row!.id;
}

/** Takes pages out of the index: their documents (and so their passages) are deleted. */
export async function removePageDocuments(
  deps: Pick<KnowledgeDeps, 'db'>,
  tenantId: TenantId,
  sourceId: string,
  urls: string[],
  options: { forgetPages: boolean },
): Promise<void> {
  if (urls.length === 0) return;
  await withTenant(deps.db, tenantId, async (tx) => {
    const inSource = and(
      eq(websitePages.tenantId, tenantId),
      eq(websitePages.sourceId, sourceId),
      inArray(websitePages.url, urls),
    );
    const linked = await tx
      .select({ documentId: websitePages.documentId })
      .from(websitePages)
      .where(and(inSource, isNotNull(websitePages.documentId)));
    const ids = linked.map((row) => row.documentId!);
    if (ids.length > 0)
      await tx
        .delete(documents)
        .where(and(eq(documents.tenantId, tenantId), inArray(documents.id, ids)));
    if (options.forgetPages) await tx.delete(websitePages).where(inSource);
  });
}
