import type { Database } from '../client';
import { approximateTokens, contentHash, insertFaqEntry } from '../queries/knowledge';
import { createTenant, findTenantBySlug } from '../queries/tenants';
import { chunks, documents } from '../schema';
import { withTenant, type TenantDb, type TenantId } from '../scope';
import { DEMO_FAQ, DEMO_POLICY_MARKDOWN, DEMO_POLICY_TITLE, DEMO_TENANT } from './demo-content';
import { splitMarkdownSections } from './markdown-sections';

/** Creates the demo workspace with its FAQ and policy. Safe to run again: it only seeds once. */
export async function seedDemoTenant(
  db: Database,
): Promise<{ tenantId: TenantId; created: boolean }> {
  const existing = await findTenantBySlug(db, DEMO_TENANT.slug);
  if (existing) return { tenantId: existing, created: false };

  const { tenantId } = await createTenant(db, DEMO_TENANT);
  await withTenant(db, tenantId, async (tx) => {
    await seedFaq(tx, tenantId);
    await seedPolicy(tx, tenantId);
  });
  return { tenantId, created: true };
}

async function seedFaq(tx: TenantDb, tenantId: TenantId) {
  for (const entry of DEMO_FAQ)
    await insertFaqEntry(tx, tenantId, { ...entry, language: DEMO_TENANT.language });
}

async function seedPolicy(tx: TenantDb, tenantId: TenantId) {
  const sections = splitMarkdownSections(DEMO_POLICY_MARKDOWN);
  const [doc] = await tx
    .insert(documents)
    .values({
      tenantId,
      kind: 'markdown',
      title: DEMO_POLICY_TITLE,
      contentHash: contentHash(DEMO_POLICY_MARKDOWN),
      sizeBytes: DEMO_POLICY_MARKDOWN.length,
      mimeType: 'text/markdown',
      status: 'ready',
      pagesTotal: 1,
      pagesDone: 1,
    })
    .returning({ id: documents.id });
  await tx.insert(chunks).values(
    sections.map((s, ordinal) => ({
      tenantId,
      documentId: doc!.id,
      ordinal,
      content: s.content,
      heading: s.heading,
      page: 1,
      language: DEMO_TENANT.language,
      tokenCount: approximateTokens(s.content),
    })),
  );
}
