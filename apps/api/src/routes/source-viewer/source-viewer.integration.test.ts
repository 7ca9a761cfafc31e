// The PDF source viewer end to end: an answer from a PDF lists its source with a signed
// viewer link; the link opens the cited page with the quoted sentence, and nothing else:
// not a forged, expired or changed link, not another page, document or workspace.
import { randomUUID } from 'node:crypto';
import { issueSourceLink, type SourceLinkClaims } from '@replyline/core';
import type { TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { addPdfDocument, processDocument } from '@replyline/rag';
import { buildPdf } from '@replyline/rag/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopTenant, startTestApi, type TestApi } from '../../testing/test-api';
import { newVisitorId, widgetClient, type Started } from '../../testing/widget-client';

let t: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t);
}, 120_000);
afterAll(async () => {
  await api?.close();
  await t?.close();
});

const QUOTE = 'Dry the tent completely before you store it for the winter.';

async function storedPdf(tenantId: TenantId, pages: string[][]) {
  const deps = { db: t.db, queue: { send: async () => null } };
  const added = await addPdfDocument(deps, tenantId, {
    filename: `${randomUUID()}.pdf`,
    bytes: buildPdf(pages),
  });
  expect(await processDocument(deps, tenantId, added.documentId)).toBe('ready');
  return added.documentId;
}

/** A shop with a tent care guide, and a visitor who asked how to store a tent. */
async function askedAboutTheGuide() {
  const shop = await shopTenant(t, `viewer-${randomUUID().slice(0, 8)}`);
  const guideId = await storedPdf(shop.tenantId, [
    ['Tent care guide', 'Fjord Outdoor'],
    ['Winter storage', QUOTE, 'Keep it in a cool place.'],
  ]);
  const client = widgetClient(api.base, shop.publishableKey);
  const chat: Started = await client.started({ visitorId: newVisitorId() });
  const reply = await client.send(chat, 'How do I store the tent for the winter?');
  expect(reply.status).toBe(200);
  const { messages } = (await client.history(chat)).json<{
    messages: {
      role: string;
      sources: { documentId: string; kind: string; url: string | null; page: number }[];
    }[];
  }>();
  const source = messages.find((m) => m.role === 'assistant')?.sources[0];
  return { shop, guideId, chat, source };
}

const claimsOf = (
  shop: { tenantId: TenantId },
  chat: Started,
  documentId: string,
  page: number | null,
): SourceLinkClaims => ({
  tenantId: shop.tenantId,
  conversationId: chat.conversationId,
  documentId,
  page,
});

describe('PDF source viewer', () => {
  it('opens the cited page of a PDF source with the quoted sentence, and its file', async () => {
    const { guideId, source } = await askedAboutTheGuide();
    expect(source).toMatchObject({ documentId: guideId, kind: 'pdf', page: 2 });
    expect(source!.url).toMatch(/^\/sources\/sl1\.[\w-]+\.[\w-]+$/);

    const page = await fetch(`${api.base}${source!.url}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain(', page 2</h1>');
    expect(html).toContain(`"quote":"${QUOTE}"`);
    expect(html).toContain('/source-viewer/viewer.mjs');

    const file = await fetch(`${api.base}${source!.url}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const script = await fetch(`${api.base}/source-viewer/pdf.min.mjs`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${api.base}/source-viewer/..%2Fpackage.json`)).status).toBe(404);
  }, 120_000);

  it('refuses a forged or expired link (403) and a page, document or workspace not cited (404)', async () => {
    const { shop, guideId, chat, source } = await askedAboutTheGuide();
    const token = source!.url!.split('/').pop()!;
    const [version, body, signature] = token.split('.');
    const open = (link: string) => fetch(`${api.base}/sources/${link}`);
    const openFile = (link: string) => fetch(`${api.base}/sources/${link}/file`);

    // Another document named in a body signed for the guide: the signature no longer fits.
    const changed = Buffer.from(
      Buffer.from(body!, 'base64url').toString().replace(guideId, randomUUID()),
    ).toString('base64url');
    for (const forged of [
      `${version}.${changed}.${signature}`,
      `${version}.${body}.x${signature}`,
      'nonsense',
    ]) {
      const refused = await open(forged);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('This link to a source is not valid.');
      expect((await openFile(forged)).status).toBe(403);
    }

    const expired = issueSourceLink(
      claimsOf(shop, chat, guideId, 2),
      Date.now() - 2 * 60 * 60 * 1000,
    );
    expect(await (await open(expired)).text()).toContain('has expired');
    expect((await openFile(expired)).status).toBe(403);

    const otherPage = issueSourceLink(claimsOf(shop, chat, guideId, 1));
    expect((await open(otherPage)).status).toBe(404);
    expect((await openFile(otherPage)).status).toBe(404);

    const uncitedId = await storedPdf(shop.tenantId, [['Price list', 'Tents from 199 euros.']]);
    expect((await openFile(issueSourceLink(claimsOf(shop, chat, uncitedId, 1)))).status).toBe(404);

    // Another workspace's document, with this conversation's claims or its own tenant's.
    const other = await askedAboutTheGuide();
    expect((await openFile(issueSourceLink(claimsOf(shop, chat, other.guideId, 2)))).status).toBe(
      404,
    );
    expect(
      (await openFile(issueSourceLink(claimsOf(other.shop, chat, other.guideId, 2)))).status,
    ).toBe(404);
  }, 120_000);
});
