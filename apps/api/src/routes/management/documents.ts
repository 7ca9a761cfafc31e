import {
  addDocumentFile,
  addText,
  getKnowledgeDocument,
  listKnowledgeDocuments,
  removeDocument,
} from '@replyline/core/knowledge';
import { jsonBody, jsonResponse, errorResponse } from '../../contract/responses';
import { readBody, sendJson } from '../../http';
import { validBody, type RequestContext } from '../../router';
import { knowledgeActorOf } from './key-auth';
import { managementApiOf } from './management-api';
import {
  AddedDocumentSchema,
  AddTextRequestSchema,
  DeletedSchema,
  DocumentListSchema,
  DocumentParamsSchema,
  DocumentSchema,
  UploadQuerySchema,
} from './schemas';
import { keyRoute } from './key-route';

/** A file's bytes are read up to this; the ingestion limit (RAG_MAX_UPLOAD_MB) decides below it. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const fileBody = {
  required: true,
  content: Object.fromEntries(
    [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/html',
      'text/markdown',
      'text/plain',
      'application/octet-stream',
    ].map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]),
  ),
};

export const uploadDocumentRoute = keyRoute(
  {
    access: 'write',
    method: 'post',
    path: '/v1/manage/documents/files',
    summary: 'Upload a file (PDF, Word .docx, HTML, Markdown or plain text) as a document',
    description:
      'The body is the file itself; its kind comes from `filename` (.pdf, .docx, .html, .md, .txt) and must match its bytes. The document is queued for processing; follow its `status` with GET /v1/manage/documents/{id}.',
    request: { query: UploadQuerySchema, body: fileBody },
    responses: {
      201: jsonResponse('Queued (or a duplicate of a document already there)', AddedDocumentSchema),
      400: errorResponse('Empty file, or text that is not UTF-8'),
      402: errorResponse('The plan’s help articles are used up'),
      413: errorResponse('The file is too large'),
      415: errorResponse('A kind of file not taken, or bytes that are not what its name says'),
    },
  },
  async (ctx, principal) => {
    const { filename } = ctx.valid('query') as { filename: string };
    const bytes = await readBody(ctx.req, MAX_UPLOAD_BYTES);
    const added = await addDocumentFile(knowledgeActorOf(ctx, principal), {
      filename,
      bytes,
      limits: managementApiOf(ctx.app).ingestLimits,
    });
    sendJson(ctx.res, 201, added);
  },
);

export const addTextDocumentRoute = keyRoute(
  {
    access: 'write',
    method: 'post',
    path: '/v1/manage/documents/text',
    summary: 'Add a text or Markdown document',
    request: { body: jsonBody(AddTextRequestSchema) },
    responses: {
      201: jsonResponse('Queued (or a duplicate of a document already there)', AddedDocumentSchema),
      400: errorResponse('Invalid request'),
      402: errorResponse('The plan’s help articles are used up'),
    },
  },
  async (ctx, principal) => {
    const input = validBody(ctx, AddTextRequestSchema);
    sendJson(ctx.res, 201, await addText(knowledgeActorOf(ctx, principal), input));
  },
  { maxBodyBytes: 6 * 1024 * 1024 },
);

export const listDocumentsRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/documents',
    summary: 'Every document with its status, newest first',
    responses: { 200: jsonResponse('Documents', DocumentListSchema) },
  },
  async (ctx, { tenantId }) => {
    sendJson(ctx.res, 200, { documents: await listKnowledgeDocuments(ctx.app.db, tenantId) });
  },
);

const documentIdOf = (ctx: RequestContext) => (ctx.valid('param') as { id: string }).id;

export const getDocumentRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/documents/{id}',
    summary: 'One document with its status and progress',
    request: { params: DocumentParamsSchema },
    responses: {
      200: jsonResponse('The document', DocumentSchema),
      404: errorResponse('No such document in this workspace'),
    },
  },
  async (ctx, { tenantId }) => {
    sendJson(ctx.res, 200, await getKnowledgeDocument(ctx.app.db, tenantId, documentIdOf(ctx)));
  },
);

export const deleteDocumentRoute = keyRoute(
  {
    access: 'write',
    method: 'delete',
    path: '/v1/manage/documents/{id}',
    summary: 'Delete a document with its passages and stored file',
    request: { params: DocumentParamsSchema },
    responses: {
      200: jsonResponse('Deleted', DeletedSchema),
      404: errorResponse('No such document in this workspace'),
    },
  },
  async (ctx, principal) => {
    const done = await removeDocument(knowledgeActorOf(ctx, principal), documentIdOf(ctx));
    sendJson(ctx.res, 200, done);
  },
);
