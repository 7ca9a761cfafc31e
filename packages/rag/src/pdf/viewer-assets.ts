import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The files of pdf.js a browser needs to show a PDF (the library, its worker and its stylesheet), from the
 * same pdfjs-dist that reads PDFs here, so what is shown and what was indexed agree.
 */
export const PDF_VIEWER_ASSETS = {
  'pdf.min.mjs': require.resolve('pdfjs-dist/build/pdf.min.mjs'),
  'pdf.worker.min.mjs': require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'),
  /** Its text layer's rules: the page's words, invisible, laid over the drawn page. */
  'pdf_viewer.css': require.resolve('pdfjs-dist/web/pdf_viewer.css'),
} as const;

export type PdfViewerAsset = keyof typeof PDF_VIEWER_ASSETS;
