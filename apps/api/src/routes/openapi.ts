import { sendJson } from '../http';
import type { Route } from '../router';
import { openApiDocument } from '../openapi-document';

/** The public API's description, for people integrating it and for tooling. */
export const openApiRoute: Route = {
  method: 'GET',
  path: '/v1/openapi.json',
  handle: async ({ res }) => {
    sendJson(res, 200, openApiDocument, {
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    });
  },
};
