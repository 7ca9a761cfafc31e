import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { asDomainError, HTTP_STATUS_OF } from '@replyline/core';
import {
  CITED_PASSAGE_ID,
  citedDocumentText,
  citedPdfBytes,
  findCitedSource,
  readSourceLink,
  type CitedDocument,
  type CitedSource,
} from '@replyline/core/conversations';
import { PDF_VIEWER_ASSETS, type PdfViewerAsset } from '@replyline/rag';
import type { RequestContext, Route } from '../../router';
import { blocksHtml, escapeHtml, findQuote, readableBlocks } from './document-page';

// The source viewer: a customer presses a PDF or document source under an answer and this page
// shows the cited PDF page, or the document's text, with the quoted passage marked. The widget's
// link carries a signed token naming the tenant, conversation, document and page (see core's
// source-links); every request checks it and that an answer in that conversation cites that
// page. Nothing else opens here.
// Pages for people, not API operations: served outside /v1 (like /widget.js), so the OpenAPI
// document keeps describing only the API.

const ASSET_PATH = '/source-viewer/';
const VIEWER_SCRIPT = new URL('./viewer.mjs', import.meta.url);
const ASSETS: Record<string, { file: string | URL; type: string }> = {
  'viewer.mjs': { file: VIEWER_SCRIPT, type: 'text/javascript; charset=utf-8' },
  'pdf.min.mjs': { file: PDF_VIEWER_ASSETS['pdf.min.mjs'], type: 'text/javascript; charset=utf-8' },
  'pdf.worker.min.mjs': {
    file: PDF_VIEWER_ASSETS['pdf.worker.min.mjs'],
    type: 'text/javascript; charset=utf-8',
  },
  'pdf_viewer.css': { file: PDF_VIEWER_ASSETS['pdf_viewer.css'], type: 'text/css; charset=utf-8' },
} satisfies Record<'viewer.mjs' | PdfViewerAsset, unknown>;

/**
 * The page: a PDF's cited page drawn by pdf.js (loaded only here), or a document's text; the
 * passage marked either way.
 */
export const sourceViewerRoute: Route = {
  method: 'GET',
  path: '/sources/:token',
  handle: async (ctx) => {
    try {
      const claims = readSourceLink(ctx.params.token ?? '');
      const cited: CitedSource = await findCitedSource(ctx.app.db, claims);
      if (cited.kind === 'pdf')
        return sendPage(ctx.res, 200, viewerPage(cited, `/sources/${ctx.params.token}/file`));
      const document = await citedDocumentText(ctx.app.db, claims);
      sendPage(ctx.res, 200, documentPage(document), DOCUMENT_CSP);
    } catch (error) {
      const refused = asDomainError(error);
      if (!refused) throw error;
      sendPage(ctx.res, HTTP_STATUS_OF[refused.code], refusalPage(refused.message), DOCUMENT_CSP);
    }
  },
};

/** The cited PDF's bytes, for the viewer page only (same token, same checks). */
export const sourceFileRoute: Route = {
  method: 'GET',
  path: '/sources/:token/file',
  handle: async (ctx) => {
    const bytes = await citedPdfBytes(ctx.app.db, readSourceLink(ctx.params.token ?? ''));
    ctx.res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': bytes.length,
      'content-disposition': 'inline',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    });
    ctx.res.end(bytes);
  },
};

/** pdf.js and the viewer script: public, the same for everyone, cached for a day. */
export const sourceViewerAssetRoute: Route = {
  method: 'GET',
  path: `${ASSET_PATH}:asset`,
  handle: async (ctx: RequestContext) => {
    const asset = ASSETS[ctx.params.asset ?? ''];
    if (!asset) {
      ctx.res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void ctx.res.end('Not found');
    }
    const body = await readFile(asset.file);
    ctx.res.writeHead(200, {
      'content-type': asset.type,
      'content-length': body.length,
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    });
    ctx.res.end(body);
  },
};

export const sourceViewerRoutes: Route[] = [
  sourceViewerRoute,
  sourceFileRoute,
  sourceViewerAssetRoute,
];

function viewerPage(cited: CitedSource, fileUrl: string): string {
  // JSON inside a non-executed script element: escape `<` so no text can close the element.
  const config = JSON.stringify({
    file: fileUrl,
    page: cited.page ?? 1,
    quote: cited.quote,
  }).replace(/</g, '\\u003c');
  const heading = cited.page
    ? `${escapeHtml(cited.title)}, page ${cited.page}`
    : escapeHtml(cited.title);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${heading}</title><link rel="stylesheet" href="${ASSET_PATH}pdf_viewer.css"><style>${VIEWER_CSS}</style></head><body data-state="loading"><header><h1>${heading}</h1><p id="status" role="status">Opening the page…</p></header><main class="pdfViewer"><div id="page" class="page"></div></main><script id="source" type="application/json">${config}</script><script type="module" src="${ASSET_PATH}viewer.mjs"></script></body></html>`;
}

/** A document's text, the quoted passage marked (the link's `#cited` scrolls to it). */
function documentPage(document: CitedDocument): string {
  const kind = document.documentKind;
  const blocks = readableBlocks(document.text, kind);
  const mark = document.quote ? findQuote(blocks, document.quote, kind) : null;
  const status = mark ? 'The quoted passage is marked.' : 'The quoted passage was not found.';
  const title = escapeHtml(document.title);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${VIEWER_CSS}${DOCUMENT_CSS}</style></head><body data-state="ready" data-marks="${mark ? 1 : 0}"><header><h1>${title}</h1><p id="status" role="status">${status}</p></header><main class="document"><article>${blocksHtml(blocks, mark, CITED_PASSAGE_ID)}</article></main></body></html>`;
}

function refusalPage(sentence: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Source unavailable</title><style>${VIEWER_CSS}</style></head><body data-state="refused"><header><h1>Source unavailable</h1><p role="alert">${escapeHtml(sentence)}</p></header></body></html>`;
}

const VIEWER_CSS =
  'body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#111827;background:#f3f4f6}' +
  'header{padding:12px 16px;background:#fff;border-bottom:1px solid #e5e7eb}' +
  'h1{font-size:17px;margin:0}#status{margin:2px 0 0;color:#4b5563;font-size:13px}' +
  'main{display:flex;justify-content:center;padding:16px}' +
  '#page{position:relative;margin:0 auto;background:#fff;box-shadow:0 1px 4px rgb(0 0 0/.15)}' +
  '#page canvas{display:block}' +
  '.textLayer span.source-mark{background:rgb(250 204 21/.45);border-radius:2px}';

const DOCUMENT_CSS =
  'main.document{display:block;padding:16px}' +
  'article{max-width:720px;margin:0 auto;padding:16px 20px;background:#fff;border-radius:6px;' +
  'box-shadow:0 1px 4px rgb(0 0 0/.15);overflow-wrap:anywhere}' +
  'article h2,article h3,article h4,article h5,article h6{line-height:1.3;margin:1.2em 0 .4em}' +
  'article p,article ul{margin:0 0 .8em}' +
  'mark{background:rgb(250 204 21/.45);color:inherit;border-radius:2px;scroll-margin-top:30vh}';

/**
 * Only this origin's scripts (the viewer and pdf.js, whose worker may also start from a blob),
 * the PDF from this origin, nothing framed, nothing sent elsewhere.
 */
const VIEWER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** A document's page and the refusal run no script and load nothing: only their own styles. */
const DOCUMENT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function sendPage(res: ServerResponse, status: number, html: string, csp = VIEWER_CSP) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': csp,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}
