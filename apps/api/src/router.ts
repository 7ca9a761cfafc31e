import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@replyline/db';
import type { configuredIntegrations } from './env';
import type { Logger } from './logger';
import type { PublicApi } from './public/public-api';

/** What every route may use; built once at start-up. */
export interface AppContext {
  db: Database;
  databaseKind: 'pglite' | 'postgres';
  integrations: ReturnType<typeof configuredIntegrations>;
  logger: Logger;
  publicApi: PublicApi;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Values of the route's `:name` segments. */
  params: Record<string, string>;
  requestId: string;
  log: Logger;
  app: AppContext;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handle(ctx: RequestContext): Promise<void>;
}

/**
 * Path routing with `:name` segments (`/v1/conversations/:id/messages`); the public API grows
 * by adding routes, not branches.
 */
export function findRoute(routes: Route[], method: string, pathname: string) {
  const onPath = routes.flatMap((route) => {
    const params = matchPath(route.path, pathname);
    return params ? [{ route, params }] : [];
  });
  const match = onPath.find((m) => m.route.method === method);
  return {
    route: match?.route,
    params: match?.params ?? {},
    allowed: onPath.map((m) => m.route.method),
  };
}

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    const value = got[i]!;
    if (segment.startsWith(':')) {
      if (!value) return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (segment !== value) return null;
  }
  return params;
}
