import {
  addWebsiteSource,
  deleteWebsiteSource,
  getWebsiteSource,
  listWebsiteSources,
  recrawlWebsiteSource,
} from '@replyline/core/knowledge';
import { errorResponse, jsonBody, jsonResponse } from '../../contract/responses';
import { sendJson } from '../../http';
import { validBody, type RequestContext } from '../../router';
import { knowledgeActorOf } from './key-auth';
import {
  AddWebsiteRequestSchema,
  DeletedSchema,
  QueuedSchema,
  WebsiteDetailSchema,
  WebsiteListSchema,
  WebsiteParamsSchema,
  WebsiteSchema,
} from './schemas';
import { keyRoute } from './key-route';

const sourceIdOf = (ctx: RequestContext) => (ctx.valid('param') as { id: string }).id;

export const addWebsiteRoute = keyRoute(
  {
    access: 'write',
    method: 'post',
    path: '/v1/manage/websites',
    summary: 'Add a website (or its sitemap) as a knowledge source and start its first crawl',
    description:
      'Same-site pages are crawled within the limits, obeying robots.txt and `noindex`; each page becomes a document. Follow the crawl with GET /v1/manage/websites/{id}.',
    request: { body: jsonBody(AddWebsiteRequestSchema) },
    responses: {
      201: jsonResponse('Added; the first crawl is queued', WebsiteSchema),
      400: errorResponse('Not a web address, or invalid limits or patterns'),
    },
  },
  async (ctx, principal) => {
    const input = validBody(ctx, AddWebsiteRequestSchema);
    sendJson(ctx.res, 201, await addWebsiteSource(knowledgeActorOf(ctx, principal), input));
  },
  { maxBodyBytes: 64 * 1024 },
);

export const listWebsitesRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/websites',
    summary: 'Every website source with its crawl status, newest first',
    responses: { 200: jsonResponse('Website sources', WebsiteListSchema) },
  },
  async (ctx, { tenantId }) => {
    sendJson(ctx.res, 200, { websites: await listWebsiteSources({ db: ctx.app.db, tenantId }) });
  },
);

export const getWebsiteRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/websites/{id}',
    summary: 'One website source with its pages (failed and skipped first, with the reason)',
    request: { params: WebsiteParamsSchema },
    responses: {
      200: jsonResponse('The website source', WebsiteDetailSchema),
      404: errorResponse('No such website source in this workspace'),
    },
  },
  async (ctx, { tenantId }) => {
    sendJson(ctx.res, 200, await getWebsiteSource({ db: ctx.app.db, tenantId }, sourceIdOf(ctx)));
  },
);

export const recrawlWebsiteRoute = keyRoute(
  {
    access: 'write',
    method: 'post',
    path: '/v1/manage/websites/{id}/recrawl',
    summary: 'Crawl a website source again now (unchanged pages cost nothing)',
    request: { params: WebsiteParamsSchema },
    responses: {
      202: jsonResponse('Queued', QueuedSchema),
      404: errorResponse('No such website source in this workspace'),
    },
  },
  async (ctx, principal) => {
    const queued = await recrawlWebsiteSource(knowledgeActorOf(ctx, principal), sourceIdOf(ctx));
    sendJson(ctx.res, 202, queued);
  },
);

export const deleteWebsiteRoute = keyRoute(
  {
    access: 'write',
    method: 'delete',
    path: '/v1/manage/websites/{id}',
    summary: 'Delete a website source; its pages leave the knowledge base',
    request: { params: WebsiteParamsSchema },
    responses: {
      200: jsonResponse('Deleted', DeletedSchema),
      404: errorResponse('No such website source in this workspace'),
    },
  },
  async (ctx, principal) => {
    sendJson(
      ctx.res,
      200,
      await deleteWebsiteSource(knowledgeActorOf(ctx, principal), sourceIdOf(ctx)),
    );
  },
);
