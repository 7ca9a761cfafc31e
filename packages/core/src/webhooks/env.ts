import { z } from 'zod';

const ZWebhookEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
  DASHBOARD_URL: z.url().default('http://localhost:3001'),
});

const read = (env: NodeJS.ProcessEnv) =>
  ZWebhookEnv.parse({
    NODE_ENV: env.NODE_ENV || undefined,
    DASHBOARD_URL: env.DASHBOARD_URL || undefined,
  });

/**
 * Outgoing webhooks may go to http://localhost and private networks only outside production
 * (a local Slack stub in development and tests); in production they must be public https.
 */
export function webhooksMayReachLocal(env: NodeJS.ProcessEnv = process.env): boolean {
  return read(env).NODE_ENV !== 'production';
}

/** The dashboard's address, for the ticket link in a post built by the worker. */
export function webhookDashboardUrl(env: NodeJS.ProcessEnv = process.env): string {
  return read(env).DASHBOARD_URL;
}
