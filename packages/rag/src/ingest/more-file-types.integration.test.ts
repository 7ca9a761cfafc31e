import type { PgBoss, TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKnowledge } from '../search/search';
import { buildDocx, zip } from '../testing/docx';
import { knowledgeDeps, newTenant } from '../testing/fixtures';
import { addFileDocument, type NewFile } from './add-documents';
import type { KnowledgeDeps } from './deps';
import { getDocument } from './manage';
import { processDocument } from './process-document';

// Word, HTML, Markdown and text uploads go through the same states as PDFs: queued, then ready
// or failed with a reason the tenant can act on; a damaged file never leaves passages behind.

let t: TestDatabase;
let deps: KnowledgeDeps & { boss: PgBoss };
let tenantId: TenantId;

beforeAll(async () => {
  t = await openTestDatabase();
  deps = { ...(await knowledgeDeps(t)), queue: { send: async () => null } } as typeof deps;
  tenantId = await newTenant(t);
}, 120_000);
afterAll(async () => t?.close());

async function ingest(kind: NewFile['kind'], bytes: Uint8Array, filename = `upload.${kind}`) {
  const added = await addFileDocument(deps, tenantId, { kind, filename, bytes });
  if (added.status === 'queued') await processDocument(deps, tenantId, added.documentId);
  return getDocument(deps, tenantId, added.documentId);
}

const found = async (question: string) =>
  (await searchKnowledge(t.db, tenantId, question)).map((hit) => hit.content).join('\n');

describe('uploads besides PDFs', () => {
  it('reads a Word file with its headings', async () => {
    const docx = buildDocx(['# Opening hours', 'The shop is open from nine to five on weekdays.']);
    expect(await ingest('docx', docx, 'Opening hours.docx')).toMatchObject({
      kind: 'docx',
      title: 'Opening hours',
      status: 'ready',
      chunkCount: 1,
    });
    const [hit] = await searchKnowledge(t.db, tenantId, 'When is the shop open?');
    expect(hit).toMatchObject({ heading: 'Opening hours', documentKind: 'markdown' });
  });

  it('reads the main content of an HTML file, without scripts and navigation', async () => {
    const html = `<html><head><title>Care guide</title><script>var trackingSecret = "zebra-42";</script></head>
      <body><nav><a href="/">Home</a> Menu items</nav><main><h2>Cleaning</h2>
      <p>Rinse the kettle with vinegar once a month to remove limescale from the bottom.</p></main></body></html>`;
    expect(await ingest('html', Buffer.from(html))).toMatchObject({ status: 'ready' });
    expect(await found('How do I remove limescale?')).toContain('Rinse the kettle with vinegar');
    expect(await found('zebra trackingSecret')).not.toContain('zebra');
  });

  it('reads Markdown and plain-text files', async () => {
    expect(
      await ingest('markdown', Buffer.from('# Gift cards\n\nGift cards never expire.')),
    ).toMatchObject({ status: 'ready' });
    expect(await ingest('text', Buffer.from('Parking is free behind the shop.'))).toMatchObject({
      status: 'ready',
    });
  });

  it('fails damaged files with a reason and keeps no passages', async () => {
    const docx = buildDocx(['A perfectly fine paragraph that will be cut off.']);
    const damaged = {
      truncated: docx.subarray(0, 40),
      'zip without a document': zip({ 'notes.txt': 'not a Word document' }),
      'random bytes after the zip header': Buffer.concat([
        Buffer.from('PK\u0003\u0004'),
        Buffer.alloc(200, 7),
      ]),
    };
    for (const [name, bytes] of Object.entries(damaged)) {
      const document = await ingest('docx', bytes, `${name}.docx`);
      expect(document, name).toMatchObject({ status: 'failed', chunkCount: 0 });
      expect(document?.error, name).toMatch(/Word file could not be read/);
    }
    const latin1 = Buffer.from('Caf\u00e9 ouvert le dimanche.', 'latin1');
    expect(await ingest('text', latin1)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not UTF-8/),
    });
    expect(
      await ingest('html', Buffer.from('<html><body><script>only()</script></body></html>')),
    ).toMatchObject({
      status: 'failed',
      error: 'The document has no text to search.',
    });
  });

  it('lists a file over the size limit as failed, without storing it', async () => {
    const small = { ...deps, limits: { maxBytes: 1024 } };
    const added = await addFileDocument(small, tenantId, {
      kind: 'html',
      filename: 'big.html',
      bytes: Buffer.alloc(4096, 'a'),
    });
    expect(added).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/the limit is 1 KB/i),
    });
  });
});
