import { parseEnv } from '@replyline/db';
import { z } from 'zod';

const dashboardEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** The public API's address as customers' browsers reach it (embed snippet, live preview). */
  API_URL: z.url().default('http://localhost:4000'),
});

export type DashboardEnv = z.infer<typeof dashboardEnvSchema>;

export function readDashboardEnv(source: NodeJS.ProcessEnv = process.env): DashboardEnv {
  return parseEnv(dashboardEnvSchema, source, 'The dashboard');
}

/** Developer conveniences (the dev outbox, its links on the sign-in page) exist only outside production. */
export function isProduction(): boolean {
  return readDashboardEnv().NODE_ENV === 'production';
}
