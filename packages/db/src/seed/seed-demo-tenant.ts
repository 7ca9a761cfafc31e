import { createHash } from 'node:crypto';
import type { Database } from '../client';
import { createTenant, findTenantBySlug } from '../queries/tenants';
import { chunks, documents, faqEntries } from '../schema';
import { withTenant, type TenantDb, type TenantId } from '../scope';
import { DEMO_FAQ, DEMO_POLICY_MARKDOWN, DEMO_POLICY_TITLE, DEMO_TENANT } from './demo-content';
import { splitMarkdownSections } from './markdown-sections';

/** FAQ questions count for more than body text when ranking. */
const FAQ_BOOST = 1.5;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Creates the demo workspace with its FAQ and policy. Safe to run again: it only seeds once. */
export async function seedDemoTenant(db: Database): Promise<{ tenantId: TenantId; created: boolean }> {
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
  const body = DEMO_FAQ.map((e) => `${e.question}\n${e.answer}`).join('\n\n');
  const [doc] = await tx
    .insert(documents)
    .values({ tenantId, kind: 'faq', title: 'Frequently asked questions', contentHash: sha256(body), sizeBytes: body.length, status: 'ready' })
    .returning({ id: documents.id });
  const documentId = doc!.id;
  await tx.insert(faqEntries).values(DEMO_FAQ.map((e) => ({ tenantId, documentId, ...e })));
  await tx.insert(chunks).values(
    DEMO_FAQ.map((e, ordinal) => ({
      tenantId,
      documentId,
      ordinal,
      title: e.question,
      content: e.answer,
      heading: e.question,
      language: DEMO_TENANT.language,
      tokenCount: approximateTokens(`${e.question} ${e.answer}`),
      boost: FAQ_BOOST,
    })),
  );
}

async function seedPolicy(tx: TenantDb, tenantId: TenantId) {
  const sections = splitMarkdownSections(DEMO_POLICY_MARKDOWN);
  const [doc] = await tx
    .insert(documents)
    .values({
      tenantId,
      kind: 'markdown',
      title: DEMO_POLICY_TITLE,
      contentHash: sha256(DEMO_POLICY_MARKDOWN),
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

/** Roughly four characters a token for English; exact counts come from the model provider. */
function approximateTokens(text: string) {
  return Math.ceil(text.length / 4);
}
