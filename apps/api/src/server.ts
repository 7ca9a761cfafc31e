import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import type { AppContext, Route } from './router';
import { healthRoute } from './routes/health';
import { metricsRoute } from './routes/metrics';
import { widgetBundles } from './routes/widget-bundles';
import {
  frameScriptRoute,
  legacyFrameScriptRoute,
  widgetScriptRoute,
} from './routes/widget-script';
import { inboundEmailRoutes, type InboundEmailOptions } from './routes/inbound-email';
import { stripeWebhookRoute, type StripeWebhookOptions } from './routes/stripe-webhook';
import { conversationActionRoute } from './routes/widget-api/conversation-actions';
import { conversationEventsRoute } from './routes/widget-api/conversation-events';
import { endConversationRoute, visitorTypingRoute } from './routes/widget-api/conversation-handoff';
import {
  conversationRatingRoute,
  messageFeedbackRoute,
} from './routes/widget-api/customer-feedback';
import { emailTranscriptRoute } from './routes/widget-api/email-transcript';
import { escalateRoute } from './routes/widget-api/escalate';
import { sendMessageRoute } from './routes/widget-api/send-message';
import { listMessagesRoute, startConversationRoute } from './routes/widget-api/start-conversation';
import { widgetConfigRoute } from './routes/widget-api/widget-config';
import { widgetFrameRoute } from './routes/widget-api/widget-frame';
import { managementRoutes } from './routes/management';
import { sourceViewerRoutes } from './routes/source-viewer/source-viewer';

export function defaultRoutes(options: {
  production: boolean;
  /** Null when Stripe is not configured: the webhook then answers 503 with the reason. */
  stripeWebhook?: StripeWebhookOptions | null;
  /** Serves GET /metrics on this port to holders of this bearer token; unset: not here. */
  metricsToken?: string | null;
  /** Customers' email replies (Resend inbound, inbound parse); unset: both answer 503. */
  inboundEmail?: InboundEmailOptions;
}): Route[] {
  const bundles = widgetBundles({ cache: options.production });
  return [
    healthRoute,
    metricsRoute(options.metricsToken ?? null),
    stripeWebhookRoute(options.stripeWebhook ?? null),
    ...inboundEmailRoutes(
      options.inboundEmail ?? {
        resend: null,
        parseSecret: null,
        domain: 'reply.replyline.localhost',
      },
    ),
    widgetScriptRoute(bundles),
    frameScriptRoute(bundles),
    legacyFrameScriptRoute(bundles),
    widgetFrameRoute(bundles),
    widgetConfigRoute,
    startConversationRoute,
    listMessagesRoute,
    sendMessageRoute,
    conversationActionRoute,
    conversationEventsRoute,
    messageFeedbackRoute,
    conversationRatingRoute,
    escalateRoute,
    visitorTypingRoute,
    endConversationRoute,
    emailTranscriptRoute,
    ...sourceViewerRoutes,
    ...managementRoutes,
  ];
}

/** The public API server: the Hono app (see `createApp`) on a Node HTTP server. */
export function createApiServer(app: AppContext, routes: Route[]): Server {
  return createServer(getRequestListener(createApp(app, routes).fetch));
}
