import { removeFaqByExternalId, upsertFaqByExternalId } from '@replyline/core/knowledge';
import { errorResponse, jsonBody, jsonResponse } from '../../contract/responses';
import { sendJson } from '../../http';
import { documentedRoute, validBody, type RequestContext } from '../../router';
import { authorizeKey, knowledgeActorOf, writeKey } from './key-auth';
import {
  DeletedSchema,
  FaqEntryRequestSchema,
  FaqParamsSchema,
  managementRoute,
  SyncedFaqEntrySchema,
} from './schemas';

const externalIdOf = (ctx: RequestContext) =>
  (ctx.valid('param') as { externalId: string }).externalId;

export const upsertFaqRoute = documentedRoute(
  managementRoute({
    access: 'write',
    method: 'put',
    path: '/v1/manage/faq/{externalId}',
    summary: 'Create or replace the FAQ entry your system knows by this id',
    description:
      'Searchable at once. Sending the same entry again changes nothing (`outcome: unchanged`); a changed text replaces the entry (its `faqEntryId` changes).',
    request: { params: FaqParamsSchema, body: jsonBody(FaqEntryRequestSchema) },
    responses: {
      200: jsonResponse('The entry as stored', SyncedFaqEntrySchema),
      400: errorResponse('Invalid request'),
      402: errorResponse('The plan’s help articles are used up'),
    },
  }),
  {
    maxBodyBytes: 64 * 1024,
    before: writeKey,
    handle: async (ctx) => {
      const principal = await authorizeKey(ctx, 'write');
      const entry = validBody(ctx, FaqEntryRequestSchema);
      const synced = await upsertFaqByExternalId(
        knowledgeActorOf(ctx, principal),
        externalIdOf(ctx),
        entry,
      );
      sendJson(ctx.res, 200, synced);
    },
  },
);

export const deleteFaqRoute = documentedRoute(
  managementRoute({
    access: 'write',
    method: 'delete',
    path: '/v1/manage/faq/{externalId}',
    summary: 'Delete the FAQ entry your system knows by this id',
    request: { params: FaqParamsSchema },
    responses: {
      200: jsonResponse('Deleted', DeletedSchema),
      404: errorResponse('No entry with this id in this workspace'),
    },
  }),
  {
    before: writeKey,
    handle: async (ctx) => {
      const principal = await authorizeKey(ctx, 'write');
      const done = await removeFaqByExternalId(knowledgeActorOf(ctx, principal), externalIdOf(ctx));
      sendJson(ctx.res, 200, done);
    },
  },
);
