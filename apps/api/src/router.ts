import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteConfig } from '@hono/zod-openapi';
import type { ZodType, z } from 'zod';
import type { Database, RealtimeListener } from '@replyline/db';
import type { configuredIntegrations } from './env';
import type { Logger } from './logger';
import type { ErrorReporter } from './observability/error-reports';
import type { ApiMetrics } from './observability/metrics';
import type { PublicApi } from './public/public-api';
import type { ManagementApi } from './routes/management/management-api';

/** What every route may use; built once at start-up. */
export interface AppContext {
  db: Database;
  databaseKind: 'pglite' | 'postgres';
  integrations: ReturnType<typeof configuredIntegrations>;
  logger: Logger;
  publicApi: PublicApi;
  /** The management API's queue and per-key limit; absent: no queue, default limit. */
  management?: ManagementApi;
  /** Prometheus metrics of this process; absent: none recorded. */
  metrics?: ApiMetrics;
  /** Unexpected errors to Sentry; absent or null: only logged. */
  errorReports?: ErrorReporter | null;
  /** This process's LISTEN line for live updates; absent: not reported by the health route. */
  realtime?: Pick<RealtimeListener, 'status'>;
}

/** The parts of a request its route's schemas validated. */
export type ValidTarget = 'json' | 'query' | 'param';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Values of the route's `:name` segments. */
  params: Record<string, string>;
  requestId: string;
  log: Logger;
  app: AppContext;
  /** What the route's schema made of one part of the request (see `validBody`). */
  valid(target: ValidTarget): unknown;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: HttpMethod;
  /** With `:name` segments (`/v1/conversations/:id/messages`). */
  path: string;
  /**
   * The schemas of a public /v1 route: they validate its params, query and body and describe
   * it in /v1/openapi.json, so the document cannot drift from what is served.
   */
  openapi?: RouteConfig;
  /** The JSON body's cap in bytes (413 beyond); read only on routes with a body schema. */
  maxBodyBytes?: number;
  /**
   * Runs before the body is read: who may call (token, origin, rate limits) is settled first,
   * so a refused caller learns nothing about its body and an invalid body still counts.
   */
  before?(ctx: RequestContext): Promise<unknown>;
  handle(ctx: RequestContext): Promise<void>;
}

/** A documented route; its method and path come from the schema so they cannot disagree. */
export function documentedRoute(
  openapi: RouteConfig,
  route: Omit<Route, 'method' | 'path' | 'openapi'>,
): Route {
  return {
    method: openapi.method.toUpperCase() as HttpMethod,
    path: openapi.path.replace(/\{(\w+)\}/g, ':$1'),
    openapi,
    ...route,
  };
}

/** The body as the route's own schema (passed here for its type) validated it. */
export function validBody<S extends ZodType>(ctx: RequestContext, _schema: S): z.output<S> {
  return ctx.valid('json') as z.output<S>;
}

/** The methods served on `pathname`, for 405 and preflight answers. */
export function methodsOn(
  routes: Pick<Route, 'method' | 'path'>[],
  pathname: string,
): HttpMethod[] {
  return routes.filter((route) => matchPath(route.path, pathname)).map((route) => route.method);
}

function matchPath(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return false;
  return want.every((segment, i) => (segment.startsWith(':') ? got[i] !== '' : segment === got[i]));
}
