import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { ApiKeyPrincipal } from '@replyline/core/api-keys';
import { errorResponse } from '../../contract/responses';
import { documentedRoute, type RequestContext, type Route } from '../../router';
import { authorizeKey } from './key-auth';

type Access = 'read' | 'write';

/** The secret key of /v1/manage/…, as a bearer token (see the `secretKey` scheme). */
const secretKeySecurity = [{ secretKey: [] }];

const refusals = {
  401: errorResponse('Missing, unknown or revoked secret key'),
  429: errorResponse('Too many requests with this key (see retry-after)'),
};

/**
 * A management endpoint: its schema, with the key's refusals (a change also answers 403 to a
 * read-only key); the key checked before the body is read, so a refused caller learns nothing
 * about its body and every attempt counts; then `handle` with the key's workspace and scope.
 */
export function keyRoute(
  config: Omit<RouteConfig, 'security'> & { access: Access },
  handle: (ctx: RequestContext, principal: ApiKeyPrincipal) => Promise<void>,
  options: { maxBodyBytes?: number } = {},
): Route {
  const { access, ...route } = config;
  const openapi = createRoute({
    ...route,
    tags: ['Management'],
    security: secretKeySecurity,
    responses: {
      ...route.responses,
      ...refusals,
      ...(access === 'write' ? { 403: errorResponse('This key may only read') } : {}),
    },
  });
  return documentedRoute(openapi, {
    ...options,
    before: (ctx) => authorizeKey(ctx, access),
    handle: async (ctx) => handle(ctx, await authorizeKey(ctx, access)),
  });
}
