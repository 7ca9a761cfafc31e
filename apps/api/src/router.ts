import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@replyline/db';
import type { configuredIntegrations } from './env';
import type { Logger } from './logger';

/** What every route may use; built once at start-up. */
export interface AppContext {
  db: Database;
  databaseKind: 'pglite' | 'postgres';
  integrations: ReturnType<typeof configuredIntegrations>;
  logger: Logger;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  log: Logger;
  app: AppContext;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handle(ctx: RequestContext): Promise<void>;
}

/** Exact-path routing; the public API grows by adding routes, not branches. */
export function findRoute(routes: Route[], method: string, pathname: string) {
  const onPath = routes.filter((r) => r.path === pathname);
  return { route: onPath.find((r) => r.method === method), allowed: onPath.map((r) => r.method) };
}
