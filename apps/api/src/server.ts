import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { HttpError, requestIdOf, sendError } from './http';
import { findRoute, type AppContext, type RequestContext, type Route } from './router';
import { healthRoute } from './routes/health';
import { widgetScriptRoute } from './routes/widget-script';

export function defaultRoutes(options: { production: boolean }): Route[] {
  return [healthRoute, widgetScriptRoute({ cache: options.production })];
}

/** The public API server: routing, request ids, JSON logs and errors people can read. */
export function createApiServer(app: AppContext, routes: Route[]): Server {
  return createServer((req, res) => {
    const requestId = requestIdOf(req, randomUUID);
    const log = app.logger.child({ reqId: requestId });
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
    const url = new URL(req.url ?? '/', 'http://api.invalid');
    void handle({ req, res, url, requestId, log, app }, routes);
  });
}

async function handle(ctx: RequestContext, routes: Route[]) {
  try {
    const { route, allowed } = findRoute(routes, ctx.req.method ?? 'GET', ctx.url.pathname);
    if (route) return await route.handle(ctx);
    if (allowed.length > 0) {
      ctx.res.setHeader('allow', allowed.join(', '));
      throw new HttpError(
        405,
        `${ctx.req.method} is not allowed on ${ctx.url.pathname}; use ${allowed.join(' or ')}.`,
        'method_not_allowed',
      );
    }
    throw new HttpError(404, `There is nothing at ${ctx.url.pathname}.`, 'not_found');
  } catch (error) {
    if (error instanceof HttpError) return sendError(ctx.res, error, ctx.requestId);
    ctx.log.error({ err: error }, 'unhandled error');
    if (!ctx.res.headersSent)
      sendError(
        ctx.res,
        new HttpError(
          500,
          'Something went wrong on our side; the request id helps us find it.',
          'internal',
        ),
        ctx.requestId,
      );
    else ctx.res.end();
  }
}
