import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { IngestionError, type IngestionErrorCode } from '../errors';
import { benchmarkPdfExtraction } from './bench-pdf';
import {
  DEFAULT_PDF_LIMITS,
  extractPdf,
  formatSize,
  type PdfLimits,
  type PdfPage,
} from './extract-pdf';
import {
  buildPdf,
  CONTENT_STREAM_BOMB_PDF,
  ENCRYPTED_AES256_PDF,
  ENCRYPTED_RC4_PDF,
  fromBase64,
  OWNER_PASSWORD_ONLY_PDF,
} from './fixtures';

// The shared eval PDFs live next to the repository, not in it (see the eval folder's README).
const pdfDir = process.env.EVAL_DIR
  ? join(resolve(process.env.EVAL_DIR), 'pdfs')
  : fileURLToPath(new URL('../../../../../shared/eval/pdfs/', import.meta.url));
const haveEvalPdfs = existsSync(pdfDir);
if (!haveEvalPdfs) {
  console.warn(
    `[extract-pdf tests] Eval PDFs not found at ${pdfDir}: skipping the tests on real files. ` +
      'Set EVAL_DIR to the eval folder to run them.',
  );
}

const evalPdf = async (name: string) => new Uint8Array(await readFile(join(pdfDir, name)));

/** A message a tenant can read: a sentence, no stack trace, no internal names. */
function expectReadable(message: string) {
  expect(message).toMatch(/^[A-Z][^\n]{14,300}[.!]$/);
  expect(message).not.toMatch(
    /undefined|null|NaN|\[object|Error\b|Exception|\bat \S+ \(|\.mjs|\.ts\b|ERR_/,
  );
}

async function expectFailure(
  promise: Promise<unknown>,
  codes: IngestionErrorCode | IngestionErrorCode[],
): Promise<IngestionError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error('expected the extraction to fail, it succeeded');
  const { error } = outcome;
  expect(error).toBeInstanceOf(IngestionError);
  const ingestionError = error as IngestionError;
  expect([codes].flat()).toContain(ingestionError.code);
  expectReadable(ingestionError.message);
  return ingestionError;
}

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; outcome: T | IngestionError }> {
  const start = performance.now();
  const outcome = await work().catch((error: unknown) => {
    if (error instanceof IngestionError) return error;
    throw error;
  });
  return { ms: performance.now() - start, outcome };
}

/** Deterministic pseudo-random bytes. */
function noise(length: number, seed = 42): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const smallPdf = () =>
  buildPdf([
    ['Refund policy for all customers.', 'Refunds are issued within 14 days of the return.'],
    ['Shipping takes three to five working days.'],
    ['Contact support by email for any question.'],
  ]);

describe('extractPdf: input checks before parsing', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_PDF_LIMITS).toEqual({
      maxBytes: 20 * 1024 * 1024,
      maxPages: 2000,
      timeoutMs: 60_000,
      memoryMb: 512,
    });
  });

  it('rejects a file over the default size limit, saying how big it is', async () => {
    const error = await expectFailure(
      extractPdf(new Uint8Array(Math.round(31.2 * 1024 * 1024))),
      'too_large',
    );
    expect(error.message).toBe('The file is 31.2 MB; the limit is 20 MB.');
  });

  it('rejects an oversize buffer under a small maxBytes', async () => {
    const error = await expectFailure(extractPdf(smallPdf(), { maxBytes: 500 }), 'too_large');
    expect(error.message).toMatch(/^The file is 1\.\d KB; the limit is 500 bytes\.$/);
  });

  it('never shows a file just over the limit as equal to it', () => {
    expect(formatSize(20 * 1024 * 1024 + 1000, 20 * 1024 * 1024)).toBe('20.01 MB');
    expect(formatSize(900)).toBe('900 bytes');
  });

  it('rejects empty bytes', async () => {
    await expectFailure(extractPdf(new Uint8Array(0)), 'not_pdf');
  });

  it('rejects random bytes as not a PDF', async () => {
    const error = await expectFailure(extractPdf(noise(64 * 1024)), 'not_pdf');
    expect(error.message).toBe('This file is not a PDF.');
  });

  it('rejects a PDF signature that starts after 1024 bytes of junk', async () => {
    await expectFailure(extractPdf(concat(new Uint8Array(1025).fill(0x20), smallPdf())), 'not_pdf');
  });

  it('rejects a non-byte input and bad limits as invalid_input', async () => {
    await expectFailure(extractPdf('%PDF-1.7' as unknown as Uint8Array), 'invalid_input');
    await expectFailure(extractPdf(smallPdf(), { maxPages: 0 }), 'invalid_input');
    await expectFailure(extractPdf(smallPdf(), { timeoutMs: Number.NaN }), 'invalid_input');
  });
});

describe('extractPdf: small PDFs made in the test', () => {
  it('extracts text per page, in order, with line breaks', async () => {
    const progress: string[] = [];
    const result = await extractPdf(smallPdf(), {}, (done, total) =>
      progress.push(`${done}/${total}`),
    );
    expect(result.pageCount).toBe(3);
    expect(result.title).toBeNull();
    expect(result.pages.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(result.pages[0]?.text).toBe(
      'Refund policy for all customers.\nRefunds are issued within 14 days of the return.',
    );
    expect(result.pages[2]?.text).toBe('Contact support by email for any question.');
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
  });

  it('accepts up to 1024 bytes of junk before the signature, as pdf.js does', async () => {
    const result = await extractPdf(concat(new Uint8Array(1000).fill(0x20), smallPdf()));
    expect(result.pages[1]?.text).toBe('Shipping takes three to five working days.');
  });

  it('does not detach or change the caller’s bytes', async () => {
    const bytes = smallPdf();
    const before = bytes.slice();
    await extractPdf(bytes);
    expect(bytes.byteLength).toBe(before.byteLength);
    expect(bytes).toEqual(before);
  });

  it('accepts a Node Buffer, even a small one from the shared pool, and leaves it intact', async () => {
    const pdf = smallPdf();
    const buffer = Buffer.allocUnsafe(pdf.length); // small enough to live in the pool
    buffer.set(pdf);
    const result = await extractPdf(buffer);
    expect(result.pageCount).toBe(3);
    expect(buffer.buffer.byteLength).toBeGreaterThan(0);
    expect(new Uint8Array(buffer)).toEqual(pdf);
    expect(Buffer.from('still usable').toString()).toBe('still usable');
  });

  it('fails a PDF header followed by garbage as malformed', async () => {
    const bytes = concat(new TextEncoder().encode('%PDF-1.7\n'), noise(8 * 1024));
    await expectFailure(extractPdf(bytes), 'malformed');
  });

  it('fails a valid PDF truncated at half its length as malformed', async () => {
    const bytes = smallPdf();
    await expectFailure(extractPdf(bytes.slice(0, Math.floor(bytes.length / 2))), 'malformed');
  });

  it('fails a PDF with pages but no text as no_text', async () => {
    const error = await expectFailure(extractPdf(buildPdf([[], []])), 'no_text');
    expect(error.message).toBe(
      'No text could be extracted: the PDF is scanned images or an XFA form. Upload a text PDF or paste the text.',
    );
  });

  it('fails password-protected PDFs (AES-256 and RC4) as encrypted', async () => {
    for (const base64 of [ENCRYPTED_AES256_PDF, ENCRYPTED_RC4_PDF]) {
      const error = await expectFailure(extractPdf(fromBase64(base64)), 'encrypted');
      expect(error.message).toBe('This PDF is password-protected; upload an unlocked copy.');
    }
  });

  it('reads a PDF that only has an owner password (restrictions, no password to open)', async () => {
    const result = await extractPdf(fromBase64(OWNER_PASSWORD_ONLY_PDF));
    expect(result.pages.map((page) => page.text)).toEqual([
      'Confidential refund policy.\nRefunds are issued within 14 days.',
      'Second page about shipping times.',
    ]);
  });

  it('stops a content-stream decompression bomb at the memory limit', async () => {
    const { ms, outcome } = await timed(() =>
      extractPdf(fromBase64(CONTENT_STREAM_BOMB_PDF), { memoryMb: 128 }),
    );
    expect(outcome).toBeInstanceOf(IngestionError);
    expect((outcome as IngestionError).code).toBe('out_of_memory');
    expectReadable((outcome as IngestionError).message);
    expect((outcome as IngestionError).message).toContain('128 MB');
    expect(ms).toBeLessThan(15_000);
  });

  it('hands back an error thrown by the progress callback, without crashing', async () => {
    const failure = new Error('progress sink is gone');
    await expect(
      extractPdf(smallPdf(), {}, () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it('runs extractions side by side', async () => {
    const results = await Promise.all([
      extractPdf(smallPdf()),
      extractPdf(smallPdf()),
      extractPdf(smallPdf()),
    ]);
    expect(results.map((result) => result.pageCount)).toEqual([3, 3, 3]);
  });
});

describe.runIf(haveEvalPdfs)('extractPdf on the eval PDFs', () => {
  it('pdkids.pdf: 55 pages of stories, text by page, progress to 55/55', async () => {
    const progress: [number, number][] = [];
    const result = await extractPdf(await evalPdf('pdkids.pdf'), {}, (done, total) =>
      progress.push([done, total]),
    );
    expect(result.pageCount).toBe(55);
    expect(result.pages).toHaveLength(55);
    expect(result.pages.map((page) => page.page)).toEqual(
      Array.from({ length: 55 }, (_, index) => index + 1),
    );
    const page = (number: number) => result.pages[number - 1] as PdfPage;
    expect(page(1).text).toMatch(/^PD KIDS\nPublic domain texts for young people\.\n/);
    expect(page(1).text).toContain('The Buried Moon -\nAn English Fairy Tale\nby Edmund Dulac');
    expect(page(1).text).toContain(
      "In my old Granny's days, long, long--oh, so long ago, Carland was just a\ncollection of bogs.",
    );
    expect(page(1).headings).toEqual(['PD KIDS', 'Public domain texts for young people.']);
    expect(page(3).text).toContain('the radiant hair of the Moon');
    expect(page(10).text).toContain('In every hive of bees, there are three kinds');
    expect(page(30).text).toContain('the Pot of Gold');
    expect(page(55).text).toContain('PD KIDS was compiled by BellonaTimes');
    expect(result.title).toBeNull(); // its Info has an author but no title
    expect(progress).toHaveLength(55);
    expect(progress.at(-1)).toEqual([55, 55]);
    expect(progress.every(([done, total], index) => done === index + 1 && total === 55)).toBe(true);
    for (const { text } of result.pages) {
      // eslint-disable-next-line no-control-regex -- checking that none are left
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]|[^\S\n]{2}|^\s|\s$/);
    }
  });

  it('freeculture.pdf: the whole 352-page book', async () => {
    const result = await extractPdf(await evalPdf('freeculture.pdf'));
    expect(result.pageCount).toBe(352);
    expect(result.pages).toHaveLength(352);
    expect(result.title).toBe('Free Culture');
    expect(result.pages[16]?.headings).toEqual(['INTRODUCTION']);
    expect(result.pages[16]?.text).toContain(
      'On December 17, 1903, on a windy North Carolina beach',
    );
    expect(result.pages[99]?.text).toContain('copyright to Shakespeare’s works were\nperpetual');
    expect(result.pages[351]?.headings).toEqual(['ABOUT THE AUTHOR']);
  });

  it('prefilled_f1040.pdf: a 2-page tax form', async () => {
    const result = await extractPdf(await evalPdf('prefilled_f1040.pdf'));
    expect(result.pageCount).toBe(2);
    expect(result.title).toBe('2010 Form 1040');
    expect(result.pages[0]?.text).toContain('U.S. Individual Income Tax Return 2010');
    expect(result.pages[0]?.text).toContain('Filing Status');
    expect(result.pages[1]?.headings).toContain('Sign Here');
  });

  it('issue840.pdf: a table-heavy timetable', async () => {
    const result = await extractPdf(await evalPdf('issue840.pdf'));
    expect(result.pageCount).toBe(2);
    expect(result.title).toBe('Download Festival 2009 Timetable');
    const text = result.pages[0]?.text ?? '';
    for (const word of [
      'Friday',
      'Saturday',
      'Sunday',
      'Korn',
      'Marilyn\nManson',
      'ZZ Top',
      '11:00',
    ]) {
      expect(text).toContain(word);
    }
    // Band names are set larger than the times but are table cells, not headings.
    expect(result.pages[0]?.headings).toEqual([
      'Download Festival 2009 Timetable',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
  });

  it('xfa_filled_imm1344e.pdf: an XFA-only form yields no text', async () => {
    const error = await expectFailure(
      extractPdf(await evalPdf('xfa_filled_imm1344e.pdf')),
      'no_text',
    );
    expect(error.message).toContain('XFA form');
  });

  it('issue12963.pdf: a scan with a garbage text layer yields no text', async () => {
    const error = await expectFailure(extractPdf(await evalPdf('issue12963.pdf')), 'no_text');
    expect(error.message).toContain('unreadable');
  });

  it('bomb_giant.pdf: finishes fast within the default limits, and fails cleanly under tight ones', async () => {
    const bytes = await evalPdf('bomb_giant.pdf');
    // Text extraction never decodes its giant JBIG2 images, so it reads in well under a second.
    const defaults = await timed(() => extractPdf(bytes));
    expect(defaults.ms).toBeLessThan(10_000);
    expect(defaults.outcome).toMatchObject({
      pageCount: 1,
      pages: [{ page: 1, text: 'GIANT JBIG2 BOMB\n100000x100000 = 1.16GB each' }],
    });
    for (const limits of [{ memoryMb: 8 }, { timeoutMs: 50 }] satisfies Partial<PdfLimits>[]) {
      const tight = await timed(() => extractPdf(bytes, limits));
      expect(tight.ms).toBeLessThan(5_000);
      expect(tight.outcome).toBeInstanceOf(IngestionError);
      const error = tight.outcome as IngestionError;
      expect(['out_of_memory', 'timeout', 'no_text', 'malformed']).toContain(error.code);
      expect(error.code).toBe('memoryMb' in limits ? 'out_of_memory' : 'timeout');
      expectReadable(error.message);
    }
  });

  it('GHOSTSCRIPT-698804-1-fuzzed.pdf: opens as one page with no text', async () => {
    await expectFailure(extractPdf(await evalPdf('GHOSTSCRIPT-698804-1-fuzzed.pdf')), 'no_text');
  });

  it('PDFBOX-3148-2-fuzzed.pdf: opens as one page with no text', async () => {
    await expectFailure(extractPdf(await evalPdf('PDFBOX-3148-2-fuzzed.pdf')), 'no_text');
  });

  it('rejects more pages than maxPages before extracting any', async () => {
    const progress: number[] = [];
    const error = await expectFailure(
      extractPdf(await evalPdf('pdkids.pdf'), { maxPages: 10 }, (done) => progress.push(done)),
      'too_many_pages',
    );
    expect(error.message).toBe('This PDF has 55 pages; the limit is 10.');
    expect(progress).toEqual([]);
  });

  it('times out (timeoutMs: 1 on freeculture.pdf)', async () => {
    const { ms, outcome } = await timed(async () =>
      extractPdf(await evalPdf('freeculture.pdf'), { timeoutMs: 1 }),
    );
    expect(outcome).toBeInstanceOf(IngestionError);
    expect((outcome as IngestionError).code).toBe('timeout');
    expect((outcome as IngestionError).message).toBe(
      'Reading this PDF took longer than 1 ms, so it was stopped. It may be damaged or unusually complex; ' +
        'try saving it again as PDF or splitting it into smaller files.',
    );
    expect(ms).toBeLessThan(2_000);
  });

  it('keeps the main thread responsive during a long extraction', async () => {
    const bytes = await evalPdf('freeculture.pdf');
    let last = performance.now();
    let longestGap = 0;
    let ticks = 0;
    const interval = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 10);
    try {
      const start = performance.now();
      const result = await extractPdf(bytes);
      const elapsed = performance.now() - start;
      expect(result.pageCount).toBe(352);
      expect(ticks).toBeGreaterThan(elapsed / 10 / 3);
      expect(longestGap).toBeLessThan(500); // a blocked main thread would stall for seconds
    } finally {
      clearInterval(interval);
    }
  });

  it('benchmarkPdfExtraction reports pages and speed', async () => {
    const result = await benchmarkPdfExtraction(join(pdfDir, 'freeculture.pdf'));
    expect(result.pages).toBe(352);
    expect(result.ms).toBeGreaterThan(0);
    expect(result.pagesPerSecond).toBeCloseTo((352 * 1000) / result.ms, 5);
    console.info(
      `[extract-pdf] freeculture.pdf: ${result.pages} pages in ${Math.round(result.ms)} ms, ` +
        `${Math.round(result.pagesPerSecond)} pages/s`,
    );
  });
});
