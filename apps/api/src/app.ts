import { randomUUID } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { asDomainError, HTTP_STATUS_OF } from '@replyline/core';
import { isDatabaseUnavailable } from '@replyline/db';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { HttpError, invalidRequest, readJsonText, requestIdOf, sendError } from './http';
import type { Logger } from './logger';
import type { ErrorReporter } from './observability/error-reports';
import {
  beginRequest,
  endRequest,
  noteRoute,
  telemetryOf,
  UNMATCHED_ROUTE,
} from './observability/request-telemetry';
import { allowOrigin, answerPreflight } from './public/cors';
import {
  methodsOn,
  type AppContext,
  type RequestContext,
  type Route,
  type ValidTarget,
} from './router';
import { openApiPathRoute, serveOpenApiDocument } from './routes/openapi';

export type ApiEnv = {
  Bindings: HttpBindings;
  Variables: { requestId: string; log: Logger; request: RequestContext };
};
type ApiContext = Context<ApiEnv>;

/** A body cap for routes that do not name one. */
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * The public API as a Hono app. Handlers write to the Node response themselves (as the
 * event streams must, to flush each batch and notice a closed socket at once) and answer
 * Hono with RESPONSE_ALREADY_SENT; every error, thrown anywhere, reaches `answerError`.
 */
export function createApp(app: AppContext, routes: Route[]) {
  const hono = new OpenAPIHono<ApiEnv>({ defaultHook: refuseInvalidInput });
  hono.use(identifyRequest(app));
  for (const route of routes) serveRoute(hono, app, route);
  serveOpenApiDocument(hono);
  hono.notFound((c) => answerUnrouted(c, [...routes, openApiPathRoute]));
  hono.onError((error, c) => answerError(c, error, app.errorReports));
  return hono;
}

/** The zod schemas' refusals, worded as the API words every other 400. */
function refuseInvalidInput(result: { success: boolean; error?: unknown }) {
  if (result.success) return;
  const issues = (result.error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  throw invalidRequest(issues ?? []);
}

/**
 * Request id (kept from the caller when it looks like one), the request's span (active for
 * everything it runs), one log line per request carrying both ids, and its latency metric by
 * route template once the response is done.
 */
function identifyRequest(app: AppContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const { incoming: req, outgoing: res } = c.env;
    const requestId = requestIdOf(req, randomUUID);
    const { telemetry, run } = beginRequest(req, requestId);
    const log = app.logger.child(
      telemetry.traceId ? { reqId: requestId, traceId: telemetry.traceId } : { reqId: requestId },
    );
    const started = performance.now();
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      log.info(
        {
          method: req.method,
          path: req.url?.split('?')[0],
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    // 'close' comes for finished and abandoned responses alike (an event stream the visitor left).
    res.on('close', () => {
      endRequest(telemetry, res.statusCode);
      app.metrics?.observeRequest({
        method: telemetry.method,
        route: telemetry.route,
        status: res.statusCode,
        seconds: (performance.now() - started) / 1000,
      });
    });
    c.set('requestId', requestId);
    c.set('log', log);
    await run(next);
  };
}

function serveRoute(hono: OpenAPIHono<ApiEnv>, app: AppContext, route: Route) {
  const middleware: MiddlewareHandler<ApiEnv>[] = [enterRoute(app, route)];
  if (route.before) middleware.push(runBefore(route.before));
  if (route.openapi && hasJsonBody(route.openapi))
    middleware.push(readBodyForSchema(route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  const handler = async (c: ApiContext) => {
    await route.handle(c.get('request'));
    return RESPONSE_ALREADY_SENT;
  };
  // The schemas' validators run after `middleware`, right before the handler.
  if (route.openapi) hono.openapi({ ...route.openapi, middleware }, handler as never);
  else hono.on([route.method], [route.path], ...middleware, handler);
}

function enterRoute(app: AppContext, route: Route): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    noteRoute(c.env.incoming, route.path);
    c.set('request', requestContextOf(c, app));
    await next();
  };
}

function requestContextOf(c: ApiContext, app: AppContext): RequestContext {
  const { incoming: req, outgoing: res } = c.env;
  return {
    req,
    res,
    url: new URL(req.url ?? '/', 'http://api.invalid'),
    params: c.req.param() as Record<string, string>,
    requestId: c.get('requestId'),
    log: c.get('log'),
    app,
    valid: (target: ValidTarget) => c.req.valid(target as never),
  };
}

function runBefore(before: NonNullable<Route['before']>): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await before(c.get('request'));
    await next();
  };
}

function hasJsonBody(openapi: RouteConfig): boolean {
  const content = openapi.request?.body?.content;
  return Boolean(content && 'application/json' in content);
}

/** Reads the body under its cap, then hands the text to the schema's validator (Hono's cache). */
function readBodyForSchema(maxBytes: number): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const text = await readJsonText(c.env.incoming, maxBytes);
    // Hono keeps body reads as promises, though its type names the values.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    await next();
  };
}

/** No route for this method and path: a preflight, a 405 naming the methods, or a 404. */
function answerUnrouted(c: ApiContext, routes: Pick<Route, 'method' | 'path'>[]): Response {
  const { incoming: req, outgoing: res } = c.env;
  const pathname = new URL(req.url ?? '/', 'http://api.invalid').pathname;
  const allowed = methodsOn(routes, pathname);
  if (req.method === 'OPTIONS' && allowed.length > 0) {
    answerPreflight(req, res, allowed);
    return RESPONSE_ALREADY_SENT;
  }
  if (allowed.length === 0)
    return answerError(c, new HttpError(404, `There is nothing at ${pathname}.`, 'not_found'));
  res.setHeader('allow', allowed.join(', '));
  return answerError(
    c,
    new HttpError(
      405,
      `${req.method} is not allowed on ${pathname}; use ${allowed.join(' or ')}.`,
      'method_not_allowed',
    ),
  );
}

/** Every error as JSON `{ error: { code, message, requestId } }`; the unknown ones logged. */
function answerError(c: ApiContext, error: unknown, reports?: ErrorReporter | null): Response {
  const { incoming: req, outgoing: res } = c.env;
  const requestId = c.get('requestId');
  const known = knownError(error);
  if (!known) reportUnexpected(c, error, reports);
  else if (known.code === DATABASE_UNAVAILABLE.code)
    c.get('log').warn({ err: error }, 'database unavailable');
  if (res.headersSent) {
    res.end();
    return RESPONSE_ALREADY_SENT;
  }
  // A page on another website may read why it was refused (the reason holds no data).
  if (known && req.url?.startsWith('/v1/')) allowOrigin(req, res);
  sendError(
    res,
    known ??
      new HttpError(
        500,
        'Something went wrong on our side; the request id helps us find it.',
        'internal',
      ),
    requestId,
  );
  return RESPONSE_ALREADY_SENT;
}

/** A bug: logged, recorded on the request's span, and sent to error reporting when it is on. */
function reportUnexpected(c: ApiContext, error: unknown, reports?: ErrorReporter | null) {
  c.get('log').error({ err: error }, 'unhandled error');
  const { incoming: req } = c.env;
  const telemetry = telemetryOf(req);
  telemetry?.span.recordException(error instanceof Error ? error : String(error));
  reports?.report(error, {
    requestId: c.get('requestId'),
    method: req.method ?? 'GET',
    route: telemetry?.route ?? UNMATCHED_ROUTE,
    tenantId: telemetry?.tenantId,
    traceId: telemetry?.traceId,
  });
}

/**
 * The database restarting or failing over: nothing is wrong with the request, and the same
 * request succeeds in a few seconds. Said so, with a retry hint, instead of a 500 (see
 * docs/operations.md, "Failure drills").
 */
const DATABASE_UNAVAILABLE = new HttpError(
  503,
  'The service cannot reach its database for a moment. Please try again in a few seconds.',
  'database_unavailable',
  { 'retry-after': '5' },
);

/** The error as the client may see it, or null when it is a bug to hide and log. */
function knownError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
  const refusal = asDomainError(error);
  if (refusal) return new HttpError(HTTP_STATUS_OF[refusal.code], refusal.message, refusal.code);
  if (error instanceof HTTPException) return new HttpError(error.status, error.message, 'error');
  return null;
}
