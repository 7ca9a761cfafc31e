import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { HttpError, requestIdOf, sendError } from './http';
import { allowOrigin, answerPreflight } from './public/cors';
import { findRoute, type AppContext, type RequestContext, type Route } from './router';
import { healthRoute } from './routes/health';
import { frameScriptRoute, widgetScriptRoute } from './routes/widget-script';
import { openApiRoute } from './routes/openapi';
import { stripeWebhookRoute, type StripeWebhookOptions } from './routes/stripe-webhook';
import { conversationEventsRoute } from './routes/widget-api/conversation-events';
import {
  conversationRatingRoute,
  messageFeedbackRoute,
} from './routes/widget-api/customer-feedback';
import { escalateRoute } from './routes/widget-api/escalate';
import { sendMessageRoute } from './routes/widget-api/send-message';
import { listMessagesRoute, startConversationRoute } from './routes/widget-api/start-conversation';
import { widgetConfigRoute } from './routes/widget-api/widget-config';
import { widgetFrameRoute } from './routes/widget-api/widget-frame';

export function defaultRoutes(options: {
  production: boolean;
  /** Null when Stripe is not configured: the webhook then answers 503 with the reason. */
  stripeWebhook?: StripeWebhookOptions | null;
}): Route[] {
  const cache = { cache: options.production };
  return [
    healthRoute,
    stripeWebhookRoute(options.stripeWebhook ?? null),
    openApiRoute,
    widgetScriptRoute(cache),
    frameScriptRoute(cache),
    widgetFrameRoute,
    widgetConfigRoute,
    startConversationRoute,
    listMessagesRoute,
    sendMessageRoute,
    conversationEventsRoute,
    messageFeedbackRoute,
    conversationRatingRoute,
    escalateRoute,
  ];
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
    void handle({ req, res, url, params: {}, requestId, log, app }, routes);
  });
}

async function handle(ctx: RequestContext, routes: Route[]) {
  try {
    const method = ctx.req.method ?? 'GET';
    const { route, params, allowed } = findRoute(routes, method, ctx.url.pathname);
    if (route) return await route.handle({ ...ctx, params });
    if (method === 'OPTIONS' && allowed.length > 0) return answerPreflight(ctx, allowed);
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
    if (error instanceof HttpError) {
      if (ctx.res.headersSent) return void ctx.res.end();
      // A page on another website may read why it was refused (the reason holds no data).
      if (ctx.url.pathname.startsWith('/v1/')) allowOrigin(ctx.req, ctx.res);
      return sendError(ctx.res, error, ctx.requestId);
    }
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
