import { readFile } from 'node:fs/promises';

import { extractPdf } from './extract-pdf';

export interface PdfBenchmarkResult {
  pages: number;
  /** Wall-clock time of one extraction, worker start-up included; reading the file is not. */
  ms: number;
  pagesPerSecond: number;
}

/** Extracts one PDF with the default limits (size limit lifted) and times it. */
export async function benchmarkPdfExtraction(pdfPath: string): Promise<PdfBenchmarkResult> {
  const bytes = new Uint8Array(await readFile(pdfPath));
  const start = performance.now();
  const { pageCount } = await extractPdf(bytes, { maxBytes: Math.max(bytes.byteLength, 1) });
  const ms = performance.now() - start;
  return { pages: pageCount, ms, pagesPerSecond: ms > 0 ? (pageCount * 1000) / ms : 0 };
}
