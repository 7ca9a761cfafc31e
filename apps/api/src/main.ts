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
import { embedderFromEnv, limitsFromEnv, readRagEnv, startIngestionWorker } from '@replyline/rag';
import { configuredIntegrations, readApiEnv } from './env';
import { createLogger } from './logger';
import { createApiServer, defaultRoutes } from './server';

loadDotEnvFile();
const env = readApiEnv();
const logger = createLogger(env.LOG_LEVEL);
const { database, queueTarget } = await openConfiguredDatabase();
const queue = await openQueue(queueTarget);
queue.on('error', (err) => logger.error({ err }, 'job queue error'));
if (env.RUN_WORKERS) await startWorkers();
const integrations = configuredIntegrations(env);
const server = createApiServer(
  { db: database.db, databaseKind: database.kind, integrations, logger },
  defaultRoutes({ production: env.NODE_ENV === 'production' }),
);

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info(
    { port, database: database.kind, integrations },
    `API listening on http://${env.HOST}:${port}`,
  );
});

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
    const database = await openDatabase({ kind: 'postgres', url: dbEnv.DATABASE_URL });
    return { database, queueTarget: { kind: 'postgres', url: dbEnv.DATABASE_URL } };
  }
  const embedded = await openPreparedPglite(dbEnv.PGLITE_DATA_DIR);
  return {
    database: { db: embedded.db, kind: 'pglite', close: embedded.close },
    queueTarget: { kind: 'pglite', client: embedded.client },
  };
}

/** Background work of this process: knowledge ingestion (more workers come with later features). */
async function startWorkers() {
  const ragEnv = readRagEnv();
  await startIngestionWorker(queue, {
    db: database.db,
    embedder: embedderFromEnv(ragEnv),
    limits: limitsFromEnv(ragEnv),
  });
  logger.info('ingestion worker started');
}

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close(
    () =>
      void queue
        .stop({ graceful: true, wait: true, timeout: 3_000 })
        .finally(() => void database.close().finally(() => process.exit(0))),
  );
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
