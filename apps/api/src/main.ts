// The API process: validates settings, opens the database, serves the public API.
import {
  loadDotEnvFile,
  openDatabase,
  openPreparedPglite,
  openQueue,
  readDbEnv,
  type DatabaseHandle,
  type QueueTarget,
} from '@replyline/db';
import { chatModelFromEnv, readAiEnv } from '@replyline/ai';
import { alertEmailGaveUp, alertOnVisitorSignals, startAlertWorker } from '@replyline/core/alerts';
import { pushNewChat, startPushWorker } from '@replyline/core/push';
import { readInboundEmailEnv } from '@replyline/core/email-replies';
import { notifyPaymentFailed, notifyUsageAlert } from '@replyline/core/billing';
import { startLeftoverWorker } from '@replyline/core';
import { startRetentionWorker } from '@replyline/core/retention';
import { acknowledgeHandoff, notifyTicketCreated } from '@replyline/core/tickets';
import { startWebhookWorker } from '@replyline/core/webhooks';
import { startBookingReminderWorker } from '@replyline/core/integrations';
import {
  billingConfigured,
  planPricesFromEnv,
  readBillingEnv,
  readReplyQuota,
  startUsageReporter,
  stripeFromEnv,
} from '@replyline/billing';
import { listenConversationSignals } from '@replyline/db';
import { readEmailEnv, startEmailWorker, transportFromEnv } from '@replyline/email';
import {
  crawlSettingsFromEnv,
  embedderFromEnv,
  limitsFromEnv,
  readRagEnv,
  startCrawlWorker,
  startIngestionWorker,
} from '@replyline/rag';
import { configuredIntegrations, limitSettings, readApiEnv } from './env';
import { createLogger } from './logger';
import { startErrorReports } from './observability/error-reports';
import { handleStrayRejection } from './observability/stray-rejections';
import { createApiMetrics, queueCountsOf } from './observability/metrics';
import { createMetricsServer } from './observability/metrics-server';
import { parseOtlpHeaders, startTracing } from './observability/tracing';
import { createPublicApi } from './public/public-api';
import { resendEmailReader, type InboundEmailOptions } from './routes/inbound-email';
import { createManagementApi } from './routes/management';
import { createApiServer, defaultRoutes } from './server';

loadDotEnvFile();
const env = readApiEnv();
const aiEnv = readAiEnv();
const ragEnv = readRagEnv();
const billingEnv = readBillingEnv();
const stripe = stripeFromEnv(billingEnv);
const logger = createLogger(env.LOG_LEVEL);
process.on('unhandledRejection', (reason) =>
  handleStrayRejection(reason, logger, (code) => process.exit(code)),
);
const tracing = startTracing({
  endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
  serviceName: env.OTEL_SERVICE_NAME,
  headers: parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS),
});
const errorReports = startErrorReports({
  dsn: env.SENTRY_DSN,
  environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
});
const { database, queueTarget } = await openConfiguredDatabase();
const queue = await openQueue(queueTarget);
queue.on('error', (err) => logger.error({ err }, 'job queue error'));
const metrics = createApiMetrics({ queueCounts: queueCountsOf(queue) });
if (env.RUN_WORKERS) await startWorkers();
const integrations = configuredIntegrations(env);
const publicApi = createPublicApi({
  db: database.db,
  logger,
  limits: limitSettings(env),
  trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  actionQueue: queue,
  emailQueue: queue,
  chat: {
    model: chatModelFromEnv(aiEnv),
    embedder: embedderFromEnv(ragEnv),
    dailyTokenLimit: aiEnv.AI_VISITOR_DAILY_TOKENS,
  },
  checkQuota: (tenantId, tx) => readReplyQuota(tx, tenantId),
  onFirstToken: (serverMs) => metrics.observeFirstToken(serverMs / 1000),
  onReplyStored: async (tenantId) => {
    await notifyUsageAlert({ db: database.db, queue, dashboardUrl: env.DASHBOARD_URL }, tenantId);
  },
  onVisitorSignals: async (tenantId, conversationId, signals) => {
    await alertOnVisitorSignals({ db: database.db, queue }, tenantId, conversationId, signals);
    if (signals.started) await pushNewChat({ db: database.db, queue }, tenantId, conversationId);
  },
  onTicketCreated: async (tenantId, ticketId) => {
    await notifyTicketCreated(
      { db: database.db, queue, dashboardUrl: env.DASHBOARD_URL },
      tenantId,
      ticketId,
    );
  },
  onHandoffRequested: async (tenantId, ticketId) => {
    await acknowledgeHandoff({ db: database.db, queue }, tenantId, ticketId);
  },
});
// Changes written by any process on this database reach this process's open widgets.
const realtime = await listenConversationSignals(queueTarget, publicApi.hub.dispatch);
const management = createManagementApi({
  db: database.db,
  enqueue: (name, data, options) => queue.send(name, data, options ?? {}),
  embedder: embedderFromEnv(ragEnv),
  ingestLimits: limitsFromEnv(ragEnv),
  requestsPerMinute: env.RATE_LIMIT_API_KEY_PER_MINUTE,
});
const server = createApiServer(
  {
    db: database.db,
    databaseKind: database.kind,
    integrations,
    logger,
    publicApi,
    management,
    metrics,
    errorReports,
    realtime,
  },
  defaultRoutes({
    production: env.NODE_ENV === 'production',
    metricsToken: env.METRICS_TOKEN ?? null,
    inboundEmail: inboundEmailFromEnv(),
    stripeWebhook:
      stripe && billingConfigured(billingEnv) && billingEnv.STRIPE_WEBHOOK_SECRET
        ? {
            stripe,
            webhookSecret: billingEnv.STRIPE_WEBHOOK_SECRET,
            prices: planPricesFromEnv(billingEnv),
            onPaymentFailed: (tenantId, invoice) =>
              notifyPaymentFailed(
                { db: database.db, queue, dashboardUrl: env.DASHBOARD_URL },
                tenantId,
                invoice,
              ),
          }
        : null,
  }),
);

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info(
    { port, database: database.kind, integrations },
    `API listening on http://${env.HOST}:${port}`,
  );
});

// Metrics on their own port, for a scraper inside the private network.
const metricsServer = env.METRICS_PORT
  ? createMetricsServer(metrics, env.METRICS_TOKEN ?? null)
  : null;
metricsServer?.listen(env.METRICS_PORT, env.METRICS_HOST, () =>
  logger.info(`metrics on http://${env.METRICS_HOST}:${env.METRICS_PORT}/metrics`),
);
logger.info(
  { tracing: Boolean(tracing), errorReports: Boolean(errorReports) },
  'observability configured',
);

/** Customers' email replies: Resend's inbound webhook when its secret and key are set, inbound parse with its password. */
function inboundEmailFromEnv(): InboundEmailOptions {
  const inbound = readInboundEmailEnv();
  const email = readEmailEnv();
  return {
    domain: inbound.INBOUND_EMAIL_DOMAIN,
    parseSecret: inbound.INBOUND_PARSE_SECRET ?? null,
    attachmentLimits: {
      maxFileBytes: inbound.INBOUND_ATTACHMENT_MAX_FILE_BYTES,
      maxEmailBytes: inbound.INBOUND_ATTACHMENT_MAX_EMAIL_BYTES,
    },
    resend:
      inbound.RESEND_INBOUND_SECRET && email.RESEND_API_KEY
        ? {
            signingSecret: inbound.RESEND_INBOUND_SECRET,
            readEmail: resendEmailReader({
              apiKey: email.RESEND_API_KEY,
              baseUrl: email.RESEND_BASE_URL,
            }),
          }
        : null,
  };
}

/**
 * With DATABASE_URL the database is a server that `pnpm db:migrate` prepared. Without it the API
 * runs alone on embedded PGlite, so it prepares that itself (migrate + demo tenant).
 */
async function openConfiguredDatabase(): Promise<{
  database: DatabaseHandle;
  queueTarget: QueueTarget;
}> {
  const dbEnv = readDbEnv();
  if (dbEnv.DATABASE_URL) {
    const database = await openDatabase({
      kind: 'postgres',
      url: dbEnv.DATABASE_URL,
      maxConnections: dbEnv.DATABASE_POOL_SIZE,
    });
    return { database, queueTarget: { kind: 'postgres', url: dbEnv.DATABASE_URL } };
  }
  const embedded = await openPreparedPglite(dbEnv.PGLITE_DATA_DIR);
  return {
    database: { db: embedded.db, kind: 'pglite', close: embedded.close },
    queueTarget: { kind: 'pglite', client: embedded.client },
  };
}

/**
 * Background work of this process: knowledge ingestion, website crawls, email delivery, outgoing webhooks,
 * retention, usage reporting.
 */
async function startWorkers() {
  await startIngestionWorker(queue, {
    db: database.db,
    embedder: embedderFromEnv(ragEnv),
    limits: limitsFromEnv(ragEnv),
  });
  logger.info('ingestion worker started');
  await startCrawlWorker(queue, {
    db: database.db,
    embedder: embedderFromEnv(ragEnv),
    limits: limitsFromEnv(ragEnv),
    fetch: crawlSettingsFromEnv(ragEnv),
  });
  logger.info('website crawl worker started');
  const transport = transportFromEnv(readEmailEnv(), { logger });
  await startEmailWorker(queue, {
    db: database.db,
    transport,
    logger,
    // A workspace's email given up on raises its 'delivery.failed' alert.
    onGaveUp: async (failed) => void (await alertEmailGaveUp({ db: database.db, queue }, failed)),
  });
  logger.info('email worker started');
  await startWebhookWorker(queue, { db: database.db });
  await startAlertWorker(queue, { db: database.db });
  await startPushWorker(queue, { db: database.db });
  await startRetentionWorker(queue, { db: database.db });
  await startBookingReminderWorker(queue, { db: database.db });
  logger.info('webhook, alert, push, retention and booking reminder workers started');
  await startLeftoverWorker(queue, {
    db: database.db,
    model: chatModelFromEnv(aiEnv),
    embedder: embedderFromEnv(ragEnv),
  });
  logger.info('hand-back worker started');
  if (!stripe) return;
  await startUsageReporter(queue, {
    db: database.db,
    stripe,
    meterEventName: billingEnv.STRIPE_METER_EVENT_NAME,
    logger,
  });
  logger.info('usage reporter started');
}

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  // Open event streams would hold the server open: end them, the widgets reconnect elsewhere.
  server.closeAllConnections();
  metricsServer?.close();
  server.close(
    () =>
      void Promise.allSettled([
        realtime.close(),
        tracing?.shutdown(),
        errorReports?.flush(),
        queue.stop({ graceful: true, wait: true, timeout: 3_000 }),
      ]).finally(() => void database.close().finally(() => process.exit(0))),
  );
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
