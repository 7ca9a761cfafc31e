import { readFileSync } from 'node:fs';
import {
  pgErrorCode,
  queryRows,
  schema,
  withTenant,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKnowledge } from '../search/search';
import { parseFaqCsv } from '../sources/faq-import';
import { evalFile } from '../testing/eval-dir';
import { knowledgeDeps, newTenant } from '../testing/fixtures';
import { addPdfDocument, addTextDocument } from './add-documents';
import type { KnowledgeDeps } from './deps';
import { addFaqEntries } from './faq';
import { deleteDocument, getDocument, listDocuments, reingestDocument } from './manage';
import { processDocument } from './process-document';
import { startIngestionWorker } from './worker';

const POLICY = `# Returns policy

## Damage
Report damage within 14 days of delivery, in writing, with photos. We answer every claim within ten business days.

## Refunds
Refunds are paid to the original card within 5 business days after we receive the returned item.`;

let t: TestDatabase;
let deps: KnowledgeDeps & { boss: PgBoss };

beforeAll(async () => {
  t = await openTestDatabase();
  // Jobs go nowhere unless a test asks for the real queue: most tests run processing
  // themselves, and a worker must not process their documents behind their backs.
  const withQueue = await knowledgeDeps(t);
  deps = { ...withQueue, queue: { send: async () => null } };
}, 120_000);
afterAll(async () => {
  await deps?.boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  await t?.close();
});

const addPolicy = (tenantId: TenantId) =>
  addTextDocument(deps, tenantId, { title: 'Policy', text: POLICY, format: 'markdown' });

/** Processing that dies after extraction, as a killed worker or a provider outage would. */
const crashingDeps = (message: string): KnowledgeDeps => ({
  ...deps,
  embedder: { model: 'x', embed: async () => Promise.reject(new Error(message)) },
});

async function corpusStats(tenantId: TenantId) {
  return withTenant(t.db, tenantId, async (tx) => {
    const [stats] = await queryRows<{ chunk_count: number; actual: number; terms: number }>(
      tx,
      sql`select (select chunk_count::int from search_corpus) as chunk_count, (select count(*)::int from chunks) as actual,
                 (select coalesce(sum(doc_freq), 0)::int from search_terms) as terms`,
    );
    return stats!;
  });
}

describe('text and Markdown documents', () => {
  it('are queued, processed into chunks with headings, and found by a chat-style question', async () => {
    const tenantId = await newTenant(t);
    const added = await addTextDocument(deps, tenantId, {
      title: 'Returns policy',
      text: POLICY,
      format: 'markdown',
    });
    expect(added).toMatchObject({ status: 'queued', duplicate: false });

    expect(await processDocument(deps, tenantId, added.documentId)).toBe('ready');
    const doc = await getDocument(deps, tenantId, added.documentId);
    expect(doc).toMatchObject({ status: 'ready', error: null, chunkCount: 2 });

    const hits = await searchKnowledge(
      t.db,
      tenantId,
      'how long do I have to tell you something arrived broken or damaged?',
    );
    expect(hits[0]).toMatchObject({
      documentTitle: 'Returns policy',
      heading: 'Damage',
      documentKind: 'markdown',
    });
    expect(hits[0]!.lexicalScore).toBeGreaterThan(0);
    expect(hits[0]!.content).toContain('14 days');
  });

  it('are stored once per tenant when the same content comes again', async () => {
    const tenantId = await newTenant(t);
    const first = await addTextDocument(deps, tenantId, {
      title: 'A',
      text: POLICY,
      format: 'markdown',
    });
    const again = await addTextDocument(deps, tenantId, {
      title: 'A copy',
      text: POLICY,
      format: 'markdown',
    });
    expect(again).toMatchObject({ documentId: first.documentId, duplicate: true });
    expect(await listDocuments(deps, tenantId)).toHaveLength(1);
  });

  it('refuse empty text and a missing title with a readable reason', async () => {
    const tenantId = await newTenant(t);
    await expect(
      addTextDocument(deps, tenantId, { title: 'Empty', text: '  ', format: 'text' }),
    ).rejects.toThrow('The document is empty.');
    await expect(
      addTextDocument(deps, tenantId, { title: ' ', text: 'x', format: 'text' }),
    ).rejects.toThrow('A document needs a title.');
  });
});

describe('processing', () => {
  it('gives the same chunks exactly once when a job runs again, and keeps the statistics exact', async () => {
    const tenantId = await newTenant(t);
    const { documentId } = await addPolicy(tenantId);
    await processDocument(deps, tenantId, documentId);
    const before = await corpusStats(tenantId);
    await processDocument(deps, tenantId, documentId);
    await processDocument(deps, tenantId, documentId);
    expect(await corpusStats(tenantId)).toEqual(before);
    expect(before.chunk_count).toBe(before.actual);
  });

  it('leaves no half-indexed document when it crashes mid-way, and the retry completes it once', async () => {
    const tenantId = await newTenant(t);
    const { documentId } = await addPolicy(tenantId);
    const crashing = crashingDeps('worker killed');
    await expect(processDocument(crashing, tenantId, documentId)).rejects.toThrow('worker killed');
    expect(await getDocument(deps, tenantId, documentId)).toMatchObject({
      status: 'processing',
      chunkCount: 0,
    });
    expect(await processDocument(deps, tenantId, documentId)).toBe('ready');
    expect(await corpusStats(tenantId)).toMatchObject({ chunk_count: 2, actual: 2 });
  });

  it('records a failure on the last attempt instead of leaving the document processing', async () => {
    const tenantId = await newTenant(t);
    const { documentId } = await addPolicy(tenantId);
    const crashing = crashingDeps('provider down');
    await expect(
      processDocument(crashing, tenantId, documentId, { lastAttempt: true }),
    ).rejects.toThrow();
    expect(await getDocument(deps, tenantId, documentId)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('failed several times'),
    });
  });

  it('keeps the passages a document had when processing it again fails', async () => {
    const tenantId = await newTenant(t);
    const { documentId } = await addPolicy(tenantId);
    expect(await processDocument(deps, tenantId, documentId)).toBe('ready');
    await reingestDocument(deps, tenantId, documentId);
    const crashing = crashingDeps('provider down');
    await expect(
      processDocument(crashing, tenantId, documentId, { lastAttempt: true }),
    ).rejects.toThrow();
    expect(await getDocument(deps, tenantId, documentId)).toMatchObject({
      status: 'ready',
      error: expect.stringMatching(/^Processing again failed: .*earlier version is still used/),
      chunkCount: 2,
    });
    expect(await corpusStats(tenantId)).toMatchObject({ chunk_count: 2, actual: 2 });
  });

  it('runs through the job queue: upload, worker, ready', async () => {
    const tenantId = await newTenant(t);
    const worker = await startIngestionWorker(deps.boss, { db: t.db });
    const { documentId } = await addTextDocument({ ...deps, queue: deps.boss }, tenantId, {
      title: 'Queued',
      text: 'Our office opens at nine on weekdays.',
      format: 'text',
    });
    const deadline = Date.now() + 30_000;
    let status = 'queued';
    while (status !== 'ready' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await getDocument(deps, tenantId, documentId))!.status;
    }
    await deps.boss.offWork(worker);
    expect(status).toBe('ready');
  });
});

describe('chunks', () => {
  it('refuse an edit of their text, which would make the search statistics wrong', async () => {
    const tenantId = await newTenant(t);
    const { documentId } = await addPolicy(tenantId);
    await processDocument(deps, tenantId, documentId);
    const edit = withTenant(t.db, tenantId, (tx) =>
      tx
        .update(schema.chunks)
        .set({ content: 'changed' })
        .where(eq(schema.chunks.documentId, documentId)),
    );
    await expect(edit).rejects.toSatisfy((e) => pgErrorCode(e) === '0A000');
    expect(await corpusStats(tenantId)).toMatchObject({ chunk_count: 2, actual: 2 });
  });
});

describe('delete and re-ingest', () => {
  it('delete removes every chunk and its statistics; re-ingest rebuilds them', async () => {
    const tenantId = await newTenant(t);
    const keep = await addTextDocument(deps, tenantId, {
      title: 'Hours',
      text: 'We are open from nine to five.',
      format: 'text',
    });
    const drop = await addTextDocument(deps, tenantId, {
      title: 'Policy',
      text: POLICY,
      format: 'markdown',
    });
    await processDocument(deps, tenantId, keep.documentId);
    const onlyKeep = await corpusStats(tenantId);
    await processDocument(deps, tenantId, drop.documentId);

    await reingestDocument(deps, tenantId, drop.documentId);
    expect(await getDocument(deps, tenantId, drop.documentId)).toMatchObject({ status: 'queued' });
    await processDocument(deps, tenantId, drop.documentId);
    expect((await corpusStats(tenantId)).chunk_count).toBe(onlyKeep.chunk_count + 2);

    expect(await deleteDocument(deps, tenantId, drop.documentId)).toBe(true);
    expect(await corpusStats(tenantId)).toEqual(onlyKeep);
    expect(await searchKnowledge(t.db, tenantId, 'refund damage claim')).toEqual([]);
    expect(await deleteDocument(deps, tenantId, drop.documentId)).toBe(false);
  });
});

describe('FAQ entries', () => {
  it('import from CSV as one boosted chunk each, ranked first for a paraphrased question', async () => {
    const tenantId = await newTenant(t);
    await addTextDocument(deps, tenantId, {
      title: 'Blog',
      text: 'Shipping news: shipping to Norway now takes longer during the holidays, shipping shipping.',
      format: 'text',
    }).then((d) => processDocument(deps, tenantId, d.documentId));
    const entries = parseFaqCsv(
      'question,answer\n"How long does shipping to Norway take?","3 to 5 business days."\nDo you ship abroad?,Yes to all EU countries.\n',
    );
    const result = await addFaqEntries(deps, tenantId, entries);
    expect(result).toMatchObject({ added: 2, duplicates: 0 });
    expect(await addFaqEntries(deps, tenantId, entries)).toMatchObject({ added: 0, duplicates: 2 });

    const hits = await searchKnowledge(
      t.db,
      tenantId,
      'what is the delivery time for shipping to norway',
    );
    expect(hits[0]).toMatchObject({
      documentKind: 'faq',
      documentTitle: 'How long does shipping to Norway take?',
      content: '3 to 5 business days.',
    });
  });

  it('refuse the whole import when one entry is invalid', async () => {
    const tenantId = await newTenant(t);
    await expect(
      addFaqEntries(deps, tenantId, [
        { question: 'Valid question?', answer: 'Yes.' },
        { question: 'Q', answer: '' },
      ]),
    ).rejects.toThrow();
    expect(await listDocuments(deps, tenantId)).toEqual([]);
  });
});

describe('retrieval', () => {
  it("never returns another tenant's passages", async () => {
    const [a, b] = [await newTenant(t), await newTenant(t)];
    const canary = 'zebracanary quokkaphrase';
    const docB = await addTextDocument(deps, b, {
      title: 'Secret',
      text: `Internal: ${canary}.`,
      format: 'text',
    });
    await processDocument(deps, b, docB.documentId);
    await addFaqEntries(deps, a, [
      { question: 'What is the zebracanary?', answer: 'Nothing here.' },
    ]);
    const hitsA = await searchKnowledge(t.db, a, canary);
    expect(hitsA.every((h) => !h.content.includes('quokkaphrase'))).toBe(true);
    expect((await searchKnowledge(t.db, b, canary))[0]!.content).toContain(canary);
  });

  it("stems in the tenant's language (Swedish)", async () => {
    const tenantId = await newTenant(t, 'swedish');
    const doc = await addTextDocument(deps, tenantId, {
      title: 'Flytt',
      text: 'Vi flyttar pianon och kassaskåp varje vecka.',
      format: 'text',
    });
    await processDocument(deps, tenantId, doc.documentId);
    const hits = await searchKnowledge(t.db, tenantId, 'Kan ni flytta mitt piano?');
    expect(hits[0]?.content).toContain('pianon');
  });

  it('returns nothing for a question with no word in common, instead of random passages', async () => {
    const tenantId = await newTenant(t);
    await addFaqEntries(deps, tenantId, [
      { question: 'When are you open?', answer: 'Nine to five.' },
    ]);
    expect(await searchKnowledge(t.db, tenantId, 'quantum chromodynamics lattice')).toEqual([]);
    expect(await searchKnowledge(t.db, tenantId, '   ')).toEqual([]);
  });
});

describe.runIf(evalFile('pdfs/freeculture.pdf'))('a real 352-page PDF', () => {
  it('is uploaded, extracted page by page, and searchable with page citations', async () => {
    const tenantId = await newTenant(t);
    const bytes = readFileSync(evalFile('pdfs/freeculture.pdf')!);
    const added = await addPdfDocument(deps, tenantId, { filename: 'freeculture.pdf', bytes });
    expect(await processDocument(deps, tenantId, added.documentId)).toBe('ready');
    const doc = await getDocument(deps, tenantId, added.documentId);
    expect(doc).toMatchObject({
      status: 'ready',
      pagesDone: 352,
      pagesTotal: 352,
      title: 'freeculture',
    });
    expect(doc!.chunkCount).toBeGreaterThan(500);

    const hits = await searchKnowledge(
      t.db,
      tenantId,
      'Who was Walt Disney and what did he borrow for Steamboat Willie?',
    );
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.page).toBeGreaterThan(1);
    expect(hits.some((h) => /Steamboat Willie/i.test(h.content))).toBe(true);
  }, 120_000);
});

describe('bad uploads', () => {
  it('fail an oversize PDF at once with its size and the limit, storing no bytes', async () => {
    const tenantId = await newTenant(t);
    const small = { ...deps, limits: { maxBytes: 1024 } };
    const added = await addPdfDocument(small, tenantId, {
      filename: 'big.pdf',
      bytes: new Uint8Array(4096).fill(65),
    });
    expect(added).toMatchObject({
      status: 'failed',
      error: 'The file is 4 KB; the limit is 1 KB.',
    });
    const files = await withTenant(t.db, tenantId, (tx) =>
      tx.select().from(schema.documentFiles).where(eq(schema.documentFiles.tenantId, tenantId)),
    );
    expect(files).toEqual([]);
  });

  it('fail a file that is not a PDF after processing, with the reason', async () => {
    const tenantId = await newTenant(t);
    const added = await addPdfDocument(deps, tenantId, {
      filename: 'notes.pdf',
      bytes: new TextEncoder().encode('just some text, not a pdf'),
    });
    expect(await processDocument(deps, tenantId, added.documentId)).toBe('failed');
    expect(await getDocument(deps, tenantId, added.documentId)).toMatchObject({
      status: 'failed',
      error: 'This file is not a PDF.',
      chunkCount: 0,
    });
  });
});
