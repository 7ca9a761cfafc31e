// Response descriptions shared by the routes' schemas.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { ErrorBodySchema } from './schemas';

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
});

export const jsonResponse = (description: string, schema: ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <S extends ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const eventStreamResponse = (description: string) => ({
  description,
  content: { 'text/event-stream': { schema: { type: 'string' as const } } },
});

/** The visitor token of POST /v1/conversations, as a bearer token. */
export const visitorTokenSecurity = [{ visitorToken: [] }];

export const unauthorized = errorResponse('Missing, invalid or expired token');

/**
 * A POST the widget makes for its visitor: visitor token, the conversation (or message) in
 * the path, a JSON body; 401 for a missing or wrong token comes with it.
 */
export function visitorPost(route: {
  path: string;
  summary: string;
  params: NonNullable<RouteConfig['request']>['params'];
  body: ZodType;
  responses: RouteConfig['responses'];
}) {
  return createRoute({
    method: 'post',
    path: route.path,
    summary: route.summary,
    security: visitorTokenSecurity,
    request: { params: route.params, body: jsonBody(route.body) },
    responses: { ...route.responses, 401: unauthorized },
  });
}
