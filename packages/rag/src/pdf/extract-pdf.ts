import { Worker } from 'node:worker_threads';

import { IngestionError } from '../errors';

export interface PdfLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Most pages accepted; checked before any page is extracted. */
  maxPages: number;
  /** Wall-clock budget for parsing, worker start-up included. */
  timeoutMs: number;
  /** Memory budget of the parsing thread: V8 heap, and separately its ArrayBuffers. */
  memoryMb: number;
}

const MB = 1024 * 1024;

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxBytes: 20 * MB,
  maxPages: 2000,
  timeoutMs: 60_000,
  memoryMb: 512,
};

export interface PdfPage {
  /** 1-based page number, as shown in citations. */
  page: number;
  /** The page's text: lines joined with "\n", an empty line between paragraphs. */
  text: string;
  /** Lines set clearly larger than the page's body text (best effort). */
  headings: string[];
}

export interface PdfExtraction {
  pageCount: number;
  pages: PdfPage[];
  /** The document's Info Title, when present and not empty. */
  title: string | null;
  /**
   * Text left out because a reader cannot see it (invisible render mode, white, off the page;
   * see hidden-text.mjs): how many text runs lost text, and how many characters.
   */
  hiddenText: { items: number; chars: number };
}

/** Same constant as in pdf-worker.mjs: the worker's memory watchdog exits with it. */
const EXIT_OUT_OF_MEMORY = 90;
/** pdf.js accepts the `%PDF-` signature anywhere in the first 1024 bytes. */
const HEADER_SEARCH_BYTES = 1024;
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
/** setTimeout fires at once for delays above this (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

const TRY_AGAIN =
  'It may be damaged or unusually complex; try saving it again as PDF or splitting it into smaller files.';

const messages = {
  notPdf: 'This file is not a PDF.',
  empty: 'This file is empty, so it is not a PDF.',
  encrypted: 'This PDF is password-protected; upload an unlocked copy.',
  malformed:
    'This PDF is damaged and could not be read. Try opening it and saving it again as PDF, then upload the new copy.',
  noText:
    'No text could be extracted: the PDF is scanned images or an XFA form. Upload a text PDF or paste the text.',
  garbage:
    'The text in this PDF is unreadable: it looks like a scan with a failed text recognition layer. Upload a text PDF or paste the text.',
} as const;

/**
 * Extracts the text of a PDF page by page, safely: size and signature are checked here, the
 * parsing runs in a worker thread with a heap cap and a wall-clock timeout, and every failure is
 * an IngestionError whose message can be shown to the tenant.
 */
export async function extractPdf(
  bytes: Uint8Array,
  limits?: Partial<PdfLimits>,
  onProgress?: (pagesDone: number, pagesTotal: number) => void,
): Promise<PdfExtraction> {
  const { maxBytes, maxPages, timeoutMs, memoryMb } = resolveLimits(limits);
  if (!(bytes instanceof Uint8Array)) {
    throw new IngestionError('invalid_input', 'The PDF must be given as bytes (a Uint8Array).');
  }
  if (bytes.byteLength > maxBytes) {
    throw new IngestionError(
      'too_large',
      `The file is ${formatSize(bytes.byteLength, maxBytes)}; the limit is ${formatSize(maxBytes)}.`,
    );
  }
  if (bytes.byteLength === 0) throw new IngestionError('not_pdf', messages.empty);
  if (!hasPdfSignature(bytes)) throw new IngestionError('not_pdf', messages.notPdf);

  // pdf.js detaches the buffer it parses, and the transfer below detaches ours: give the worker a
  // copy, so the caller's bytes stay usable. (Not `bytes.slice()`: on a Node Buffer that is a view
  // that may share Node's buffer pool.)
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return runWorker(copy, { maxPages, timeoutMs, memoryMb }, onProgress);
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number }
  | {
      type: 'result';
      pageCount: number;
      pages: PdfPage[];
      title: string | null;
      hiddenText: { items: number; chars: number };
    }
  | {
      type: 'error';
      code: 'encrypted' | 'too_many_pages' | 'malformed' | 'out_of_memory' | 'no_text';
      pageCount?: number;
      reason?: 'empty' | 'xfa' | 'garbage';
    };

function runWorker(
  bytes: Uint8Array,
  limits: Pick<PdfLimits, 'maxPages' | 'timeoutMs' | 'memoryMb'>,
  onProgress: ((pagesDone: number, pagesTotal: number) => void) | undefined,
): Promise<PdfExtraction> {
  const { maxPages, timeoutMs, memoryMb } = limits;
  return new Promise<PdfExtraction>((resolve, reject) => {
    let settled = false;
    let ready = false;
    const worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url), {
      workerData: { bytes, maxPages, memoryMb },
      transferList: [bytes.buffer as ArrayBuffer],
      resourceLimits: {
        maxOldGenerationSizeMb: memoryMb,
        maxYoungGenerationSizeMb: Math.min(32, Math.max(4, Math.floor(memoryMb / 8))),
        stackSizeMb: 4,
      },
      // A plain Node thread: no loader or test-runner flags inherited from this process.
      execArgv: [],
      // pdf.js runs with verbosity 0, but nothing a hostile file makes it print reaches our logs.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();

    const finish = (outcome: { value: PdfExtraction } | { error: Error }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().catch(() => {});
      if ('value' in outcome) resolve(outcome.value);
      else reject(outcome.error);
    };
    const fail = (code: IngestionError['code'], message: string) =>
      finish({ error: new IngestionError(code, message) });

    const timer = setTimeout(
      () =>
        fail(
          'timeout',
          `Reading this PDF took longer than ${formatDuration(timeoutMs)}, so it was stopped. ${TRY_AGAIN}`,
        ),
      Math.min(timeoutMs, MAX_TIMER_MS),
    );
    const outOfMemory = () =>
      fail(
        'out_of_memory',
        `Reading this PDF needed more than ${memoryMb} MB of memory, so it was stopped. ${TRY_AGAIN}`,
      );

    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      switch (message.type) {
        case 'ready':
          ready = true;
          return;
        case 'progress':
          if (!onProgress) return;
          try {
            onProgress(message.done, message.total);
          } catch (error) {
            // The caller's callback failed: stop, and hand its error back unchanged.
            finish({ error: error instanceof Error ? error : new Error(String(error)) });
          }
          return;
        case 'result':
          finish({
            value: {
              pageCount: message.pageCount,
              pages: message.pages,
              title: message.title,
              hiddenText: message.hiddenText,
            },
          });
          return;
        case 'error':
          switch (message.code) {
            case 'encrypted':
              return fail('encrypted', messages.encrypted);
            case 'too_many_pages':
              return fail(
                'too_many_pages',
                `This PDF has ${formatCount(message.pageCount ?? 0)} pages; the limit is ${formatCount(maxPages)}.`,
              );
            case 'out_of_memory':
              return outOfMemory();
            case 'no_text':
              return fail(
                'no_text',
                message.reason === 'garbage' ? messages.garbage : messages.noText,
              );
            default:
              return fail('malformed', messages.malformed);
          }
      }
    });

    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return outOfMemory();
      if (!ready) {
        // The worker could not even load pdf.js: a deployment problem, not the tenant's file.
        return finish({
          error: new Error(`The PDF worker failed to start: ${error.message}`, { cause: error }),
        });
      }
      fail('malformed', messages.malformed);
    });

    worker.on('exit', (code) => {
      if (code === EXIT_OUT_OF_MEMORY) return outOfMemory();
      // Exited without a result or an error message: a crash on this file. Let messages still
      // queued from the worker arrive first.
      setImmediate(() => fail('malformed', messages.malformed));
    });
  });
}

function resolveLimits(limits: Partial<PdfLimits> | undefined): PdfLimits {
  const resolved = { ...DEFAULT_PDF_LIMITS };
  for (const key of Object.keys(DEFAULT_PDF_LIMITS) as (keyof PdfLimits)[]) {
    const value = limits?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new IngestionError('invalid_input', `The PDF limit ${key} must be a positive number.`);
    }
    resolved[key] = value;
  }
  return resolved;
}

function hasPdfSignature(bytes: Uint8Array): boolean {
  const lastStart = Math.min(HEADER_SEARCH_BYTES, bytes.byteLength - PDF_SIGNATURE.length);
  for (let start = 0; start <= lastStart; start += 1) {
    if (PDF_SIGNATURE.every((byte, offset) => bytes[start + offset] === byte)) return true;
  }
  return false;
}

/**
 * "31.2 MB", "512 KB", "900 bytes". With `limit`, the size is rounded up so that a file just over
 * the limit never reads as equal to it.
 */
export function formatSize(bytes: number, limit?: number): string {
  const units: [number, string][] = [
    [MB, 'MB'],
    [1024, 'KB'],
  ];
  for (const [unit, name] of units) {
    if (bytes >= unit || (limit !== undefined && limit >= unit)) {
      let value = Math.round((bytes / unit) * 10) / 10;
      if (limit !== undefined && value <= limit / unit)
        value = Math.ceil((bytes / unit) * 100) / 100;
      return `${formatNumber(value)} ${name}`;
    }
  }
  return `${formatCount(bytes)} bytes`;
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${formatCount(ms)} ms`;
  return `${formatNumber(Math.round(ms / 100) / 10)} s`;
}
