import { checkDatabase } from '@replyline/db';
import { sendJson } from '../http';
import type { Route } from '../router';

/** Liveness plus what is live: the database, and which optional integrations are configured. */
export const healthRoute: Route = {
  method: 'GET',
  path: '/health',
  handle: async ({ res, app }) => {
    const database = await checkDatabase(app.db);
    const healthy = database.status === 'up' && database.migrated;
    sendJson(res, healthy ? 200 : 503, {
      status: healthy ? 'ok' : 'unavailable',
      database: { ...database, driver: app.databaseKind },
      integrations: app.integrations,
      defaults: {
        chatModel: app.integrations.openai ? 'openai' : 'extractive',
        search: app.integrations.embeddings ? 'hybrid' : 'full-text',
        email: app.integrations.resend ? 'resend' : 'dev-outbox',
        billing: app.integrations.stripe ? 'stripe' : 'local-plans',
      },
    });
  },
};
