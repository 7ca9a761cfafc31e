import { insertFaqEntry, schema, withTenant, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { searchConfigFor } from '../languages';
import { ZFaqEntry, type TFaqEntry } from '../sources/faq-import';
import type { KnowledgeDeps } from './deps';

const { tenants } = schema;

export interface FaqImportResult {
  added: number;
  duplicates: number;
  documentIds: string[];
}

/**
 * Adds FAQ entries (typed in the dashboard, imported from CSV/Markdown, or synced by API).
 * Each becomes one searchable chunk right away, all or nothing: a failing entry adds none.
 */
export async function addFaqEntries(
  deps: KnowledgeDeps,
  tenantId: TenantId,
  entries: TFaqEntry[],
): Promise<FaqImportResult> {
  const valid = entries.map((entry) => ZFaqEntry.parse(entry));
  const embeddings = deps.embedder
    ? await deps.embedder.embed(valid.map((e) => `${e.question}\n${e.answer}`))
    : null;
  return withTenant(deps.db, tenantId, async (tx) => {
    const [tenant] = await tx
      .select({ language: tenants.language })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    const language = searchConfigFor(tenant?.language);
    const result: FaqImportResult = { added: 0, duplicates: 0, documentIds: [] };
    for (const [index, entry] of valid.entries()) {
      const stored = await insertFaqEntry(tx, tenantId, {
        ...entry,
        language,
        embedding: embeddings?.[index] ?? null,
      });
      result[stored.duplicate ? 'duplicates' : 'added'] += 1;
      result.documentIds.push(stored.documentId);
    }
    await deps.beforeCommit?.(tx, result.added);
    return result;
  });
}
