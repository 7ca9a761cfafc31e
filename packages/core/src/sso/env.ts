import { z } from 'zod';

const ZSsoEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
});

/**
 * Identity providers on http://localhost and private networks are accepted only outside
 * production (a local provider in development and tests); in production they are public https.
 */
export function ssoMayReachLocal(env: NodeJS.ProcessEnv = process.env): boolean {
  return ZSsoEnv.parse({ NODE_ENV: env.NODE_ENV || undefined }).NODE_ENV !== 'production';
}
