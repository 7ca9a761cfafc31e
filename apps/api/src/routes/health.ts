import { checkDatabase } from '@replyline/db';
import { sendJson } from '../http';
import type { Route } from '../router';

/**
 * Liveness plus what is live: the database, this process's realtime line (LISTEN), and which
 * optional integrations are configured. 503 while the database cannot be reached or the
 * realtime line is re-subscribing (after a database restart), so a load balancer sends
 * visitors to a process that can deliver live replies; `retry-after` says when to look again.
 */
export const healthRoute: Route = {
  method: 'GET',
  path: '/health',
  handle: async ({ res, app }) => {
    const database = await checkDatabase(app.db);
    const realtime = app.realtime?.status() ?? null;
    const healthy = database.status === 'up' && database.migrated && (realtime?.listening ?? true);
    sendJson(
      res,
      healthy ? 200 : 503,
      {
        status: healthy ? 'ok' : 'unavailable',
        database: { ...database, driver: app.databaseKind },
        ...(realtime ? { realtime } : {}),
        integrations: app.integrations,
        defaults: {
          chatModel: app.integrations.openai ? 'openai' : 'extractive',
          search: app.integrations.embeddings ? 'hybrid' : 'full-text',
          email: app.integrations.resend ? 'resend' : 'dev-outbox',
          billing: app.integrations.stripe ? 'stripe' : 'local-plans',
        },
      },
      healthy ? {} : { 'retry-after': '5' },
    );
  },
};
