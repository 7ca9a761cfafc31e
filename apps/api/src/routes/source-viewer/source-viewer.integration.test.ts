// The source viewer end to end: an answer from a PDF lists its source with a signed viewer
// link; the link opens the cited page with the quoted sentence, and nothing else: not a
// forged, expired or changed link, not another page, document or workspace. An answer from a
// Word, HTML, Markdown or text file opens the same way as a page of the document's text, the
// quoted sentence marked, with none of the file's markup, scripts or links.
import { randomUUID } from 'node:crypto';
import { issueSourceLink, type SourceLinkClaims } from '@replyline/core';
import type { TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { addFileDocument, addPdfDocument, processDocument, type NewFile } from '@replyline/rag';
import { buildDocx, buildPdf } from '@replyline/rag/testing';
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

const HOSTILE = 'elsewhere.example';

/** The same guide as each readable kind, each carrying what must never reach the page. */
const GUIDES: Record<NewFile['kind'], string | Buffer> = {
  markdown: `# Tent care guide

Fjord Outdoor <script>alert("md")</script> [our shop](https://${HOSTILE}/shop) ![logo](https://${HOSTILE}/logo.png) <img src=x onerror="alert(1)">

## Winter storage

${QUOTE} Keep it in a cool place.
`,
  html: `<!doctype html><html><head><title>Guide</title><script>alert("head")</script></head><body><main>
<h1>Tent care guide</h1><p>Fjord Outdoor <a href="https://${HOSTILE}/shop" onclick="alert(1)">our shop</a></p>
<h2>Winter storage</h2><p>${QUOTE} Keep it in a cool place.</p><script>alert("body")</script>
<iframe src="https://${HOSTILE}/frame"></iframe></main></body></html>`,
  docx: buildDocx([
    '# Tent care guide',
    'Fjord Outdoor <script>alert("docx")</script>',
    '# Winter storage',
    `${QUOTE} Keep it in a cool place.`,
  ]),
  text: `Tent care guide <script>alert("txt")</script> & <b>more</b>

Winter storage

${QUOTE} Keep it in a cool place.
`,
};

async function storedFile(tenantId: TenantId, kind: NewFile['kind']) {
  const deps = { db: t.db, queue: { send: async () => null } };
  const guide = GUIDES[kind];
  const added = await addFileDocument(deps, tenantId, {
    kind,
    filename: `tent-care-${randomUUID().slice(0, 6)}.${kind === 'markdown' ? 'md' : kind}`,
    bytes: typeof guide === 'string' ? new TextEncoder().encode(guide) : new Uint8Array(guide),
  });
  expect(await processDocument(deps, tenantId, added.documentId)).toBe('ready');
  return added.documentId;
}

/** A shop whose only knowledge is the guide as a file of `kind`, and a visitor who asked. */
async function askedAboutTheFile(kind: NewFile['kind']) {
  const shop = await shopTenant(t, `doc-viewer-${randomUUID().slice(0, 8)}`);
  const guideId = await storedFile(shop.tenantId, kind);
  const client = widgetClient(api.base, shop.publishableKey);
  const chat: Started = await client.started({ visitorId: newVisitorId() });
  expect((await client.send(chat, 'How do I store the tent for the winter?')).status).toBe(200);
  const { messages } = (await client.history(chat)).json<{
    messages: {
      role: string;
      sources: { documentId: string; kind: string; url: string | null }[];
    }[];
  }>();
  const source = messages.find((m) => m.role === 'assistant')?.sources[0];
  return { shop, guideId, chat, source };
}

describe('document source viewer', () => {
  it.each(['markdown', 'html', 'docx', 'text'] as const)(
    'opens a %s source as its text with the quoted sentence marked and nothing of its markup',
    async (kind) => {
      const { guideId, source } = await askedAboutTheFile(kind);
      expect(source).toMatchObject({ documentId: guideId, kind: 'document' });
      // The fragment scrolls the page to the marked passage.
      expect(source!.url).toMatch(/^\/sources\/sl1\.[\w-]+\.[\w-]+#cited$/);

      const page = await fetch(`${api.base}${source!.url!.replace(/#.*$/, '')}`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('script-src');
      const html = await page.text();
      expect(html).toMatch(/<mark id="cited">[^<]*store it for the winter\.?<\/mark>/);
      expect(html).toContain('data-marks="1"');
      if (kind !== 'text') expect(html).toMatch(/<h[2-4]>Winter storage<\/h[2-4]>/);
      // Text only: no element, address or handler of the file reaches the page.
      expect(html).not.toMatch(/<(script|img|iframe|a|b)\b|href=|src=|onerror|onclick/i);
      expect(html).not.toContain(HOSTILE);
      // Plain text is shown as written, escaped.
      if (kind === 'text') expect(html).toContain('&lt;script&gt;alert(&quot;txt&quot;)');
    },
    120_000,
  );

  it('refuses a forged or expired link (403), an uncited document and the file route (404)', async () => {
    const { shop, guideId, chat, source } = await askedAboutTheFile('markdown');
    const token = source!.url!.replace(/#.*$/, '').split('/').pop()!;
    const [version, body, signature] = token.split('.');
    const open = (link: string) => fetch(`${api.base}/sources/${link}`);

    const forged = await open(`${version}.${body}.x${signature}`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('This link to a source is not valid.');
    const expired = issueSourceLink(
      claimsOf(shop, chat, guideId, null),
      Date.now() - 2 * 60 * 60 * 1000,
    );
    expect((await open(expired)).status).toBe(403);

    // The viewer shows a document's text, never its stored file.
    expect((await fetch(`${api.base}/sources/${token}/file`)).status).toBe(404);

    const uncitedId = await storedFile(shop.tenantId, 'text');
    expect((await open(issueSourceLink(claimsOf(shop, chat, uncitedId, null)))).status).toBe(404);
    const other = await askedAboutTheFile('text');
    expect((await open(issueSourceLink(claimsOf(shop, chat, other.guideId, null)))).status).toBe(
      404,
    );
  }, 120_000);
});
