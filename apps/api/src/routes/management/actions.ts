import { notFound } from '@replyline/core';
import {
  createAction,
  deleteAction,
  getAction,
  listActions,
  setActionEnabled,
  updateAction,
} from '@replyline/core/actions';
import type { ApiKeyPrincipal } from '@replyline/core/api-keys';
import { errorResponse, jsonBody, jsonResponse } from '../../contract/responses';
import { sendJson } from '../../http';
import { clientIp } from '../../public/visitor-request';
import { validBody, type RequestContext } from '../../router';
import {
  ActionEnabledRequestSchema,
  ActionInputSchema,
  ActionListSchema,
  ActionParamsSchema,
  ActionSchema,
  DeletedSchema,
} from './schemas';
import { keyRoute } from './key-route';

const actionIdOf = (ctx: RequestContext) => (ctx.valid('param') as { id: string }).id;

/** A change made with a key is audited in the name of the member who made the key. */
const actorOfKey = (ctx: RequestContext, principal: ApiKeyPrincipal) => ({
  tenantId: principal.tenantId,
  userId: principal.userId,
  requestIp: clientIp(ctx),
});

/** The action, or a 404 (another workspace's action included). */
function found<T>(action: T | null): T {
  if (!action) throw notFound('action');
  return action;
}

const invalidAction = errorResponse(
  'Invalid action: a bad name, URL template, header, parameter schema or setting (the message says which)',
);

export const listActionsRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/actions',
    summary: 'Every action the assistant may run, by name (secret values never shown)',
    responses: { 200: jsonResponse('Actions', ActionListSchema) },
  },
  async (ctx, { tenantId }) => {
    sendJson(ctx.res, 200, { actions: await listActions(ctx.app.db, tenantId) });
  },
);

export const getActionRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/actions/{id}',
    summary: 'One action (secret values never shown)',
    request: { params: ActionParamsSchema },
    responses: {
      200: jsonResponse('The action', ActionSchema),
      404: errorResponse('No such action in this workspace'),
    },
  },
  async (ctx, { tenantId }) => {
    sendJson(ctx.res, 200, found(await getAction(ctx.app.db, tenantId, actionIdOf(ctx))));
  },
);

export const createActionRoute = keyRoute(
  {
    access: 'write',
    method: 'post',
    path: '/v1/manage/actions',
    summary: 'Create an action (off until enabled, unless `enabled: true`)',
    description:
      'Endpoints are called only over HTTPS and only at public addresses. Header values and a built-in’s secret settings are stored encrypted and never returned.',
    request: { body: jsonBody(ActionInputSchema) },
    responses: {
      201: jsonResponse('Created', ActionSchema),
      400: invalidAction,
      409: errorResponse('An action with this name exists'),
    },
  },
  async (ctx, principal) => {
    const input = validBody(ctx, ActionInputSchema);
    sendJson(ctx.res, 201, await createAction(ctx.app.db, actorOfKey(ctx, principal), input));
  },
  { maxBodyBytes: 64 * 1024 },
);

export const updateActionRoute = keyRoute(
  {
    access: 'write',
    method: 'put',
    path: '/v1/manage/actions/{id}',
    summary:
      'Replace an action’s description (saved header values and secret settings are kept when left out)',
    request: { params: ActionParamsSchema, body: jsonBody(ActionInputSchema) },
    responses: {
      200: jsonResponse('The action as stored', ActionSchema),
      400: invalidAction,
      404: errorResponse('No such action in this workspace'),
      409: errorResponse('Another action has this name'),
    },
  },
  async (ctx, principal) => {
    const input = validBody(ctx, ActionInputSchema);
    const updated = await updateAction(ctx.app.db, actorOfKey(ctx, principal), {
      ...input,
      id: actionIdOf(ctx),
    });
    sendJson(ctx.res, 200, found(updated));
  },
  { maxBodyBytes: 64 * 1024 },
);

export const setActionEnabledRoute = keyRoute(
  {
    access: 'write',
    method: 'put',
    path: '/v1/manage/actions/{id}/enabled',
    summary: 'Turn an action on or off for the assistant',
    request: { params: ActionParamsSchema, body: jsonBody(ActionEnabledRequestSchema) },
    responses: {
      200: jsonResponse('The action as stored', ActionSchema),
      400: errorResponse('Invalid request'),
      404: errorResponse('No such action in this workspace'),
    },
  },
  async (ctx, principal) => {
    const { enabled } = validBody(ctx, ActionEnabledRequestSchema);
    const updated = await setActionEnabled(ctx.app.db, actorOfKey(ctx, principal), {
      id: actionIdOf(ctx),
      enabled,
    });
    sendJson(ctx.res, 200, found(updated));
  },
);

export const deleteActionRoute = keyRoute(
  {
    access: 'write',
    method: 'delete',
    path: '/v1/manage/actions/{id}',
    summary: 'Delete an action; the assistant stops offering it at once',
    request: { params: ActionParamsSchema },
    responses: {
      200: jsonResponse('Deleted', DeletedSchema),
      404: errorResponse('No such action in this workspace'),
    },
  },
  async (ctx, principal) => {
    const deleted = await deleteAction(ctx.app.db, actorOfKey(ctx, principal), actionIdOf(ctx));
    if (!deleted) throw notFound('action');
    sendJson(ctx.res, 200, { deleted: true });
  },
);
