import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createExtractiveModel, type ChatModel } from '@replyline/ai';
import {
  createTenant,
  listenConversationSignals,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import type { TestDatabase } from '@replyline/db/testing';
import { addFaqEntries } from '@replyline/rag';
import { configuredIntegrations, limitSettings, readApiEnv } from '../env';
import { createLogger, type Logger } from '../logger';
import type { ErrorReporter } from '../observability/error-reports';
import type { ApiMetrics } from '../observability/metrics';
import type { LimitSettings } from '../public/limits';
import { createPublicApi, type PublicApi, type QuotaCheck } from '../public/public-api';
import { createManagementApi } from '../routes/management';
import { createApiServer, defaultRoutes } from '../server';

/**
 * Suites share one test API and send from one address: the anti-drain budgets would refuse
 * them midway. Tests of those budgets set them (or the production defaults) explicitly.
 */
const GENEROUS_REPLY_BUDGETS: Partial<LimitSettings> = {
  ipRepliesPerMinute: 10_000,
  ipRepliesPerHour: 100_000,
  anonymousDailySharePercent: 100,
};

export interface TestApi {
  base: string;
  close(): Promise<void>;
}

/** The API server in this process on the test database, with its realtime listener. */
export async function startTestApi(
  t: TestDatabase,
  options: {
    limits?: Partial<LimitSettings>;
    /**
     * Limit counters live in the shared database: each test API counts alone unless two are
     * given the same namespace (two processes of one deployment).
     */
    limitNamespace?: string;
    trustedProxyHops?: number;
    model?: ChatModel;
    checkQuota?: (tenantId: TenantId, tx: TenantDb) => Promise<QuotaCheck>;
    keepAliveMs?: number;
    onTicketCreated?: (tenantId: TenantId, ticketId: string) => Promise<void>;
    onHandoffRequested?: (tenantId: TenantId, ticketId: string) => Promise<void>;
    onVisitorSignals?: PublicApi['onVisitorSignals'];
    /** Where emails the API queues go (transcripts); by default accepted and dropped. */
    emailQueue?: PublicApi['emailQueue'];
    onFirstToken?: (serverMs: number) => void;
    /** The management API's per-key limit and queue (see createManagementApi). */
    management?: Omit<Parameters<typeof createManagementApi>[0], 'db' | 'limitNamespace'>;
    /** Metrics, error reports and logs as production wires them (see main.ts). */
    observability?: {
      metrics?: ApiMetrics;
      metricsToken?: string;
      errorReports?: ErrorReporter | null;
      logger?: Logger;
    };
  } = {},
): Promise<TestApi> {
  const env = readApiEnv({});
  const { metrics, metricsToken, errorReports } = options.observability ?? {};
  const logger =
    options.observability?.logger ??
    createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const publicApi = createPublicApi({
    db: t.db,
    logger,
    limits: { ...limitSettings(env), ...GENEROUS_REPLY_BUDGETS, ...options.limits },
    limitNamespace: options.limitNamespace ?? `test-${randomUUID()}`,
    trustedProxyHops: options.trustedProxyHops,
    chat: { model: options.model ?? createExtractiveModel(), embedder: null },
    checkQuota: options.checkQuota ?? (async () => ({ allowed: true, used: 0, included: 100 })),
    keepAliveMs: options.keepAliveMs,
    onTicketCreated: options.onTicketCreated,
    onHandoffRequested: options.onHandoffRequested,
    onVisitorSignals: options.onVisitorSignals,
    emailQueue: options.emailQueue ?? { send: async () => null },
    onFirstToken:
      options.onFirstToken ??
      (metrics ? (serverMs) => metrics.observeFirstToken(serverMs / 1000) : undefined),
  });
  const realtime = await listenConversationSignals(t.queueTarget, publicApi.hub.dispatch);
  const server = createApiServer(
    {
      db: t.db,
      databaseKind: t.kind,
      integrations: configuredIntegrations(env),
      logger,
      publicApi,
      management: createManagementApi({
        db: t.db,
        limitNamespace: `test-${randomUUID()}`,
        ...options.management,
      }),
      metrics,
      errorReports,
      realtime,
    },
    defaultRoutes({ production: false, metricsToken }),
  );
  // A deep accept queue: load tests open a thousand connections at once.
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
  );
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await realtime.close();
    },
  };
}

export const SHOP_ORIGIN = 'https://shop.example';

/** A tenant whose website is SHOP_ORIGIN, with a few FAQ answers to ask about. */
export async function shopTenant(t: TestDatabase, slug: string) {
  const tenant = await createTenant(t.db, {
    name: 'Fjord Outdoor',
    slug,
    allowedOrigins: [SHOP_ORIGIN],
    persona: { assistantName: 'Ada' },
    branding: {
      primaryColor: '#0f766e',
      greeting: 'Hei!',
      logoUrl: 'https://cdn.shop.example/logo.png',
    },
  });
  await addFaqEntries({ db: t.db, queue: { send: async () => null } }, tenant.tenantId, [
    {
      question: 'How long does delivery take?',
      answer: 'Delivery takes 3 to 5 business days within Norway.',
    },
    {
      question: 'Can I return a tent?',
      answer: 'Unused tents can be returned within 30 days for a full refund.',
    },
  ]);
  return tenant;
}
