// Worker thread that parses one PDF with pdf.js and extracts its text page by page.
//
// Plain JavaScript on purpose: worker threads are started by the Node runtime itself, outside any
// TypeScript loader or test transformer, so this file must load the same way everywhere.
// Started only by extract-pdf.ts, which owns the limits: it sets the V8 heap cap
// (resourceLimits), terminates this thread on timeout and turns every failure into an
// IngestionError. Messages to the main thread:
//   { type: 'ready' }                                      pdf.js is loaded, parsing starts
//   { type: 'progress', done, total }                      after each page
//   { type: 'result', pageCount, pages, title, hiddenText } success (hiddenText: { items, chars }
//                                                          of invisible text left out)
//   { type: 'error', code, pageCount? }                    code: encrypted | too_many_pages |
//                                                          malformed | out_of_memory | no_text
//                                                          (with reason: empty | xfa | garbage)

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';

import { dropHiddenText, glyphVisibility } from './hidden-text.mjs';
import { cleanTitle, findHeadings, layoutPage, pageText, weightedMedian } from './text-layout.mjs';
import { assessText } from './text-quality.mjs';

/** Exit code used when the memory watchdog stops the thread; extract-pdf.ts knows it too. */
const EXIT_OUT_OF_MEMORY = 90;
const MB = 1024 * 1024;

if (!parentPort) throw new Error('pdf-worker.mjs must be started as a worker thread');
const port = parentPort;

/** @type {{ bytes: Uint8Array; maxPages: number; memoryMb: number }} */
const { bytes, maxPages, memoryMb } = workerData;

/** @param {Record<string, unknown>} message */
function send(message) {
  port.postMessage(message);
}

// V8's heap cap (resourceLimits) does not cover ArrayBuffers, where pdf.js keeps decoded
// streams; a decompression bomb grows those. A timer checks them every 50 ms, and the page loop
// after each page. pdf.js yields to the event loop while it streams a page's text, so the timer
// also runs inside one huge page: a 2.5 KB PDF whose content stream inflates to 1 GiB is stopped
// once it passes the limit, after 1-3 s, instead of growing to 3 GB over 16 s.
function checkMemory() {
  if (process.memoryUsage().arrayBuffers > memoryMb * MB) {
    send({ type: 'error', code: 'out_of_memory' });
    process.exit(EXIT_OUT_OF_MEMORY);
  }
}
setInterval(checkMemory, 50).unref();

// pdf.js sometimes leaves internal promises rejected without a handler when a file is damaged;
// the awaited calls below report the same failure, so these must not kill the thread.
process.on('unhandledRejection', () => {});

/** @param {unknown} error */
function isOutOfMemory(error) {
  const message = error instanceof Error ? error.message : String(error);
  return /allocation failed|invalid typed array length|invalid array buffer length|array buffer allocation|out of memory/i.test(
    message,
  );
}

/** @param {unknown} error */
function classifyOpenError(error) {
  if (error && typeof error === 'object' && 'name' in error && error.name === 'PasswordException') {
    return 'encrypted';
  }
  return isOutOfMemory(error) ? 'out_of_memory' : 'malformed';
}

// ---------------------------------------------------------------------------------------------

async function extract() {
  // Loading pdf.js's worker module into this thread registers `globalThis.pdfjsWorker`; pdf.js
  // then runs its "fake worker" in-thread from it, instead of importing `workerSrc` itself or
  // starting a worker of its own. This thread is already the isolation boundary.
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  pdfjsLoaded = true;
  send({ type: 'ready' });

  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: bytes,
      // Character maps for CJK encodings, read from the package when a font needs one. The
      // standard 14 fonts' data is left out: text comes from font encodings, and on the eval
      // files the text was identical with it and extraction 15% slower.
      cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
      cMapPacked: true,
      useWorkerFetch: false,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      enableXfa: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      useWasm: false,
      // Text extraction decodes no images, but the operator list read for text visibility
      // (hidden-text.mjs: white text on an image is visible) may: keep it bounded (pixels).
      maxImageSize: 16_000_000,
      verbosity: 0,
    }).promise;
  } catch (error) {
    send({ type: 'error', code: classifyOpenError(error) });
    return;
  }
  checkMemory();

  const pageCount = doc.numPages;
  if (pageCount > maxPages) {
    send({ type: 'error', code: 'too_many_pages', pageCount });
    return;
  }

  let title = null;
  let hasXfa = false;
  try {
    const { info } = /** @type {{ info: Record<string, unknown> }} */ (await doc.getMetadata());
    title = cleanTitle(info?.Title);
    hasXfa = info?.IsXFAPresent === true;
  } catch {
    // Damaged metadata: no title.
  }

  /** @type {PageLayout[]} */
  const layouts = [];
  /** @type {Map<number, number>} */
  const docHistogram = new Map();
  let failedPages = 0;
  const hiddenText = { items: 0, chars: 0 };
  for (let number = 1; number <= pageCount; number += 1) {
    /** @type {PageLayout} */
    let layout = { lines: [], histogram: new Map(), chars: 0 };
    try {
      const page = await doc.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: false });
      const glyphs = glyphVisibility(await page.getOperatorList(), pdfjs.OPS, page.view);
      hiddenText.items += glyphs.runs;
      hiddenText.chars += glyphs.chars;
      layout = layoutPage(dropHiddenText(content.items, glyphs, page.view));
      page.cleanup();
    } catch (error) {
      if (isOutOfMemory(error)) {
        send({ type: 'error', code: 'out_of_memory' });
        return;
      }
      // One broken page does not sink the document: it contributes no text.
      failedPages += 1;
    }
    layouts.push(layout);
    for (const [height, chars] of layout.histogram) {
      docHistogram.set(height, (docHistogram.get(height) ?? 0) + chars);
    }
    checkMemory();
    send({ type: 'progress', done: number, total: pageCount });
    await nextTurn();
  }
  if (pageCount === 0 || failedPages === pageCount) {
    send({ type: 'error', code: 'malformed' });
    return;
  }

  const docBody = weightedMedian(docHistogram);
  const pages = layouts.map((layout, index) => ({
    page: index + 1,
    text: pageText(layout.lines),
    headings: findHeadings(layout, docBody),
  }));
  const verdict = assessText(pages.map((page) => page.text).join('\n'), hasXfa);
  if (verdict !== 'ok') {
    send({ type: 'error', code: 'no_text', reason: verdict });
    return;
  }
  send({ type: 'result', pageCount, pages, title, hiddenText });
}

let pdfjsLoaded = false;
try {
  await extract();
} catch (error) {
  // Failing to load pdf.js is a deployment problem, not the file's: let it surface as a crash.
  if (!pdfjsLoaded) throw error;
  send({ type: 'error', code: isOutOfMemory(error) ? 'out_of_memory' : 'malformed' });
}
