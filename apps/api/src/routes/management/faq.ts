import { removeFaqByExternalId, upsertFaqByExternalId } from '@replyline/core/knowledge';
import { errorResponse, jsonBody, jsonResponse } from '../../contract/responses';
import { sendJson } from '../../http';
import { validBody, type RequestContext } from '../../router';
import { knowledgeActorOf } from './key-auth';
import {
  DeletedSchema,
  FaqEntryRequestSchema,
  FaqParamsSchema,
  SyncedFaqEntrySchema,
} from './schemas';
import { keyRoute } from './key-route';

const externalIdOf = (ctx: RequestContext) =>
  (ctx.valid('param') as { externalId: string }).externalId;

export const upsertFaqRoute = keyRoute(
  {
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
  },
  async (ctx, principal) => {
    const entry = validBody(ctx, FaqEntryRequestSchema);
    const synced = await upsertFaqByExternalId(
      knowledgeActorOf(ctx, principal),
      externalIdOf(ctx),
      entry,
    );
    sendJson(ctx.res, 200, synced);
  },
  { maxBodyBytes: 64 * 1024 },
);

export const deleteFaqRoute = keyRoute(
  {
    access: 'write',
    method: 'delete',
    path: '/v1/manage/faq/{externalId}',
    summary: 'Delete the FAQ entry your system knows by this id',
    request: { params: FaqParamsSchema },
    responses: {
      200: jsonResponse('Deleted', DeletedSchema),
      404: errorResponse('No entry with this id in this workspace'),
    },
  },
  async (ctx, principal) => {
    const done = await removeFaqByExternalId(knowledgeActorOf(ctx, principal), externalIdOf(ctx));
    sendJson(ctx.res, 200, done);
  },
);
