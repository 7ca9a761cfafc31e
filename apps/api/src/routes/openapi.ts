import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../app';
import { sendJson } from '../http';
import type { Route } from '../router';

export const OPENAPI_PATH = '/v1/openapi.json';

/** For 405 answers: the document is served on this path, by GET only. */
export const openApiPathRoute: Pick<Route, 'method' | 'path'> = {
  method: 'GET',
  path: OPENAPI_PATH,
};

const DESCRIPTION = {
  openapi: '3.1.0',
  info: {
    title: 'Replyline public API',
    version: '1.0.0',
    description:
      'What the chat widget uses: start or resume a conversation with a publishable key, send messages and read answers as Server-Sent Events, follow agent replies live, give feedback and ask for a human. A workspace’s own systems manage its knowledge and read its conversations and tickets under /v1/manage with a secret key. Browser calls must come from a website on the tenant’s allow-list (Origin header). Every error is JSON `{ error: { code, message, requestId } }` with a matching HTTP status.',
  },
};

/**
 * The public API's description, for people integrating it and for tooling: generated from
 * the schemas the routes validate with, once, on first request.
 */
export function serveOpenApiDocument(hono: OpenAPIHono<ApiEnv>) {
  hono.openAPIRegistry.registerComponent('securitySchemes', 'visitorToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'The `token` returned by POST /v1/conversations; valid for one conversation and 24 hours. The events stream also accepts `?token=`.',
  });
  hono.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A workspace’s secret key (`sk_…`, made under Settings → API keys) for the /v1/manage routes. A read key may only read.',
  });
  let document: object | undefined;
  hono.get(OPENAPI_PATH, (c) => {
    document ??= hono.getOpenAPI31Document(DESCRIPTION);
    sendJson(c.env.outgoing, 200, document, {
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    });
    return RESPONSE_ALREADY_SENT;
  });
}
