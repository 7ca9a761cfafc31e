import { ssoProviderFetch } from '@replyline/core/sso';
import { createAuth, readAuthEnv, type DashboardAuth } from '@replyline/auth';
import { readBillingEnv, stripeFromEnv, type Stripe } from '@replyline/billing';
import {
  openDatabase,
  openPreparedPglite,
  openQueue,
  readDbEnv,
  type Database,
  type PgBoss,
  type QueueTarget,
} from '@replyline/db';
import { readDashboardEnv } from '../env';

/** What every server-side request of the dashboard shares: one pool, one queue, sign-in. */
export interface DashboardServer {
  db: Database;
  /** Only sends jobs (emails, ingestion); the workers run in the API process. */
  queue: PgBoss;
  /** The database as a listener reaches it (the inbox's live updates). */
  queueTarget: QueueTarget;
  auth: DashboardAuth;
  /** Addresses and clients the procedures need (links in emails, the embed snippet, Stripe). */
  services: { dashboardUrl: string; apiUrl: string; stripe: Stripe | null };
}

// Kept on globalThis: Next's dev server re-evaluates modules on every edit, and each copy
// would otherwise open its own pool and queue.
const holder = globalThis as { replylineDashboard?: Promise<DashboardServer> };

/** Opens the database and queue on first use (never at build time), then hands back the same ones. */
export function getServer(): Promise<DashboardServer> {
  holder.replylineDashboard ??= openServer().catch((error: unknown) => {
    holder.replylineDashboard = undefined;
    throw error;
  });
  return holder.replylineDashboard;
}

async function openServer(): Promise<DashboardServer> {
  const authEnv = readAuthEnv();
  const { db, queueTarget } = await openConfiguredDatabase();
  // Maintenance and schedules are the API process's job; here the queue only sends.
  const queue = await openQueue(queueTarget, { supervise: false, schedule: false });
  queue.on('error', (error) => console.error('job queue error', error));
  const services = {
    dashboardUrl: authEnv.dashboardOrigin,
    apiUrl: readDashboardEnv().API_URL,
    stripe: stripeFromEnv(readBillingEnv()),
  };
  // Calls to workspaces' identity providers go through safeFetch (addresses checked on connect).
  const auth = createAuth({
    db,
    queue,
    env: authEnv,
    logger: authLogger,
    ssoFetch: ssoProviderFetch(),
  });
  return { db, queue, queueTarget, auth, services };
}

/**
 * Auth.js reports failures (a refused link, a failed send) here. The cause explains them; the
 * message is cut short because a failed query's message lists its parameters, a sign-in link
 * among them, which do not belong in logs.
 */
const authLogger = {
  error(error: Error) {
    console.error(`[auth] ${error.name}: ${error.message.slice(0, 160)}`, error.cause ?? '');
  },
  warn(code: string) {
    console.warn(`[auth] warning: ${code}`);
  },
};

/**
 * `pnpm dev` sets DATABASE_URL to the embedded database server it started (or your Postgres).
 * Without it the dashboard opens embedded PGlite itself, migrated and seeded, like the API does.
 */
async function openConfiguredDatabase(): Promise<{ db: Database; queueTarget: QueueTarget }> {
  const env = readDbEnv();
  if (env.DATABASE_URL) {
    const { db } = await openDatabase({ kind: 'postgres', url: env.DATABASE_URL });
    return { db, queueTarget: { kind: 'postgres', url: env.DATABASE_URL } };
  }
  const embedded = await openPreparedPglite(env.PGLITE_DATA_DIR);
  return { db: embedded.db, queueTarget: { kind: 'pglite', client: embedded.client } };
}
