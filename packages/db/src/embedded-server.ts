import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openPglite } from './client';
import { migratePglite } from './migrate';
import { withExclusiveExtendedQueries } from './exclusive-extended-queries';
import { withNotificationRelay } from './notification-relay';
import { seedDemoTenant } from './seed/seed-demo-tenant';

/** Opens the embedded database ready for use: migrated, with the demo workspace seeded. */
export async function openPreparedPglite(dataDir: string | 'memory') {
  const embedded = await openPglite(dataDir);
  await migratePglite(embedded.client);
  await seedDemoTenant(embedded.db);
  return embedded;
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves one embedded PGlite database over the Postgres wire protocol, migrated and seeded, so
 * several app processes can share it through an ordinary DATABASE_URL. PGlite has a single
 * session: the socket server multiplexes clients and runs each transaction alone, and every
 * scoped transaction drops to the app role itself (see withTenant), so isolation holds here too.
 */
export async function startEmbeddedServer(options: {
  dataDir: string;
  port: number;
  host?: string;
}): Promise<EmbeddedServer> {
  const host = options.host ?? '127.0.0.1';
  const { client, close } = await openPreparedPglite(options.dataDir);
  const server = new PGLiteSocketServer({
    db: withExclusiveExtendedQueries(withNotificationRelay(client)),
    port: options.port,
    host,
    maxConnections: 64,
  });
  await server.start();
  return {
    url: `postgres://replyline_app@${host}:${options.port}/postgres`,
    stop: async () => {
      await server.stop();
      await close();
    },
  };
}
