import {
  addWebsiteSource,
  deleteWebsiteSource,
  getWebsiteSource,
  listWebsiteSources,
  recrawlWebsiteSource,
} from '@replyline/core/knowledge';
import { errorResponse, jsonBody, jsonResponse } from '../../contract/responses';
import { sendJson } from '../../http';
import { documentedRoute, validBody, type RequestContext } from '../../router';
import { authorizeKey, knowledgeActorOf, readKey, writeKey } from './key-auth';
import {
  AddWebsiteRequestSchema,
  DeletedSchema,
  managementRoute,
  QueuedSchema,
  WebsiteDetailSchema,
  WebsiteListSchema,
  WebsiteParamsSchema,
  WebsiteSchema,
} from './schemas';

const sourceIdOf = (ctx: RequestContext) => (ctx.valid('param') as { id: string }).id;

export const addWebsiteRoute = documentedRoute(
  managementRoute({
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
  }),
  {
    maxBodyBytes: 64 * 1024,
    before: writeKey,
    handle: async (ctx) => {
      const principal = await authorizeKey(ctx, 'write');
      const input = validBody(ctx, AddWebsiteRequestSchema);
      sendJson(ctx.res, 201, await addWebsiteSource(knowledgeActorOf(ctx, principal), input));
    },
  },
);

export const listWebsitesRoute = documentedRoute(
  managementRoute({
    access: 'read',
    method: 'get',
    path: '/v1/manage/websites',
    summary: 'Every website source with its crawl status, newest first',
    responses: { 200: jsonResponse('Website sources', WebsiteListSchema) },
  }),
  {
    before: readKey,
    handle: async (ctx) => {
      const { tenantId } = await authorizeKey(ctx, 'read');
      sendJson(ctx.res, 200, { websites: await listWebsiteSources({ db: ctx.app.db, tenantId }) });
    },
  },
);

export const getWebsiteRoute = documentedRoute(
  managementRoute({
    access: 'read',
    method: 'get',
    path: '/v1/manage/websites/{id}',
    summary: 'One website source with its pages (failed and skipped first, with the reason)',
    request: { params: WebsiteParamsSchema },
    responses: {
      200: jsonResponse('The website source', WebsiteDetailSchema),
      404: errorResponse('No such website source in this workspace'),
    },
  }),
  {
    before: readKey,
    handle: async (ctx) => {
      const { tenantId } = await authorizeKey(ctx, 'read');
      sendJson(ctx.res, 200, await getWebsiteSource({ db: ctx.app.db, tenantId }, sourceIdOf(ctx)));
    },
  },
);

export const recrawlWebsiteRoute = documentedRoute(
  managementRoute({
    access: 'write',
    method: 'post',
    path: '/v1/manage/websites/{id}/recrawl',
    summary: 'Crawl a website source again now (unchanged pages cost nothing)',
    request: { params: WebsiteParamsSchema },
    responses: {
      202: jsonResponse('Queued', QueuedSchema),
      404: errorResponse('No such website source in this workspace'),
    },
  }),
  {
    before: writeKey,
    handle: async (ctx) => {
      const principal = await authorizeKey(ctx, 'write');
      const queued = await recrawlWebsiteSource(knowledgeActorOf(ctx, principal), sourceIdOf(ctx));
      sendJson(ctx.res, 202, queued);
    },
  },
);

export const deleteWebsiteRoute = documentedRoute(
  managementRoute({
    access: 'write',
    method: 'delete',
    path: '/v1/manage/websites/{id}',
    summary: 'Delete a website source; its pages leave the knowledge base',
    request: { params: WebsiteParamsSchema },
    responses: {
      200: jsonResponse('Deleted', DeletedSchema),
      404: errorResponse('No such website source in this workspace'),
    },
  }),
  {
    before: writeKey,
    handle: async (ctx) => {
      const principal = await authorizeKey(ctx, 'write');
      sendJson(
        ctx.res,
        200,
        await deleteWebsiteSource(knowledgeActorOf(ctx, principal), sourceIdOf(ctx)),
      );
    },
  },
);
