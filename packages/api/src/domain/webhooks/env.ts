import { z } from 'zod';

const ZWebhookEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
});

/**
 * Outgoing webhooks may go to http://localhost and private networks only outside production
 * (a local Slack stub in development and tests); in production they must be public https.
 */
export function webhooksMayReachLocal(env: NodeJS.ProcessEnv = process.env): boolean {
  return ZWebhookEnv.parse({ NODE_ENV: env.NODE_ENV || undefined }).NODE_ENV !== 'production';
}
