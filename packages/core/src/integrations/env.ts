import { z } from 'zod';

const ZIntegrationsEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
});

/**
 * A shop or calendar on this machine (http://localhost, 127.0.0.1) may be called only outside
 * production: the local vendor servers of development and tests. In production every vendor
 * address must be public https, checked again when the connection is made.
 */
export function integrationsMayReachLocal(env: NodeJS.ProcessEnv = process.env): boolean {
  return ZIntegrationsEnv.parse({ NODE_ENV: env.NODE_ENV || undefined }).NODE_ENV !== 'production';
}
