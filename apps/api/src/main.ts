// The API process: validates settings, opens the database, serves the public API.
import { loadDotEnvFile, openDatabase, openPreparedPglite, readDbEnv, type DatabaseHandle } from '@replyline/db';
import { configuredIntegrations, readApiEnv } from './env';
import { createLogger } from './logger';
import { createApiServer, defaultRoutes } from './server';

loadDotEnvFile();
const env = readApiEnv();
const logger = createLogger(env.LOG_LEVEL);
const database = await openConfiguredDatabase();
const integrations = configuredIntegrations(env);
const server = createApiServer(
  { db: database.db, databaseKind: database.kind, integrations, logger },
  defaultRoutes({ production: env.NODE_ENV === 'production' }),
);

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info({ port, database: database.kind, integrations }, `API listening on http://${env.HOST}:${port}`);
});

/**
 * With DATABASE_URL the database is a server that `pnpm db:migrate` prepared. Without it the API
 * runs alone on embedded PGlite, so it prepares that itself (migrate + demo tenant).
 */
async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const dbEnv = readDbEnv();
  if (dbEnv.DATABASE_URL) return openDatabase({ kind: 'postgres', url: dbEnv.DATABASE_URL });
  const embedded = await openPreparedPglite(dbEnv.PGLITE_DATA_DIR);
  return { db: embedded.db, kind: 'pglite', close: embedded.close };
}

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close(() => void database.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
