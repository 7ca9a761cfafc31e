import { readFileSync } from 'node:fs';
import type { PgBoss } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPdf,
  CONTENT_STREAM_BOMB_PDF,
  ENCRYPTED_AES256_PDF,
  fromBase64,
} from '../pdf/fixtures';
import { evalFile } from '../testing/eval-dir';
import { knowledgeDeps, newTenant } from '../testing/fixtures';
import { addPdfDocument } from './add-documents';
import type { KnowledgeDeps } from './deps';
import { getDocument } from './manage';
import { processDocument } from './process-document';

// Every kind of bad PDF ends as a failed document with a reason a tenant can act on, and the
// worker goes on to the next job: nothing crashes, stalls or leaves chunks behind.

let t: TestDatabase;
let deps: KnowledgeDeps & { boss: PgBoss };

beforeAll(async () => {
  t = await openTestDatabase();
  deps = await knowledgeDeps(t, { limits: { timeoutMs: 20_000, memoryMb: 256 } });
}, 120_000);
afterAll(async () => {
  await deps?.boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  await t?.close();
});

async function ingest(bytes: Uint8Array, limits: KnowledgeDeps['limits'] = {}) {
  const tenantId = await newTenant(t);
  const scoped = { ...deps, limits: { ...deps.limits, ...limits } };
  const { documentId } = await addPdfDocument(scoped, tenantId, { filename: 'upload.pdf', bytes });
  await processDocument(scoped, tenantId, documentId);
  return getDocument(deps, tenantId, documentId);
}

const validPdf = buildPdf([
  ['Opening hours are nine to five on weekdays.'],
  ['Closed on public holidays.'],
]);

const madeInTest: [string, () => Uint8Array, KnowledgeDeps['limits'], RegExp][] = [
  ['password-protected', () => fromBase64(ENCRYPTED_AES256_PDF), {}, /password-protected/],
  [
    'truncated at half its length',
    () => validPdf.slice(0, Math.floor(validPdf.length / 2)),
    {},
    /damaged|could not be read|truncated/i,
  ],
  [
    'a PDF header followed by garbage',
    () => new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}`),
    {},
    /damaged|could not be read/i,
  ],
  [
    'random bytes',
    () => Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251),
    {},
    /not a PDF/,
  ],
  ['a decompression bomb', () => fromBase64(CONTENT_STREAM_BOMB_PDF), { memoryMb: 128 }, /memory/i],
  ['over the page limit', () => validPdf, { maxPages: 1 }, /has 2 pages; the limit is 1/],
];

describe('PDFs made in the test', () => {
  it.each(madeInTest)('%s: failed with a clear reason', async (_name, bytes, limits, reason) => {
    const doc = await ingest(bytes(), limits);
    expect(doc).toMatchObject({ status: 'failed', chunkCount: 0 });
    expect(doc!.error).toMatch(reason);
  });

  it('a valid one after all of them still works: the worker was not harmed', async () => {
    expect(await ingest(validPdf)).toMatchObject({ status: 'ready', pagesDone: 2, error: null });
  });
});

const realFiles: [string, RegExp][] = [
  ['xfa_filled_imm1344e.pdf', /No text could be extracted|XFA/],
  ['issue12963.pdf', /unreadable|No text could be extracted/],
  ['GHOSTSCRIPT-698804-1-fuzzed.pdf', /No text could be extracted/],
  ['PDFBOX-3148-2-fuzzed.pdf', /No text could be extracted/],
];

describe('real problem files from the public corpus', () => {
  it.each(realFiles)('%s: failed with a clear reason', async (file, reason) => {
    const path = evalFile(`pdfs/${file}`);
    if (!path) return;
    const doc = await ingest(readFileSync(path));
    expect(doc).toMatchObject({ status: 'failed', chunkCount: 0 });
    expect(doc!.error).toMatch(reason);
  });

  it('bomb_giant.pdf: stopped under tight caps without harming the process', async () => {
    const path = evalFile('pdfs/bomb_giant.pdf');
    if (!path) return;
    const doc = await ingest(readFileSync(path), { timeoutMs: 50 });
    expect(doc).toMatchObject({ status: 'failed', chunkCount: 0 });
    expect(doc!.error).toMatch(/took longer than/);
  });
});
