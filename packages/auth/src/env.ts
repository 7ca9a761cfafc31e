import { parseEnv } from '@replyline/db';
import { z } from 'zod';

/** Signs nothing anyone else can read: good enough for a laptop, refused in production. */
const DEVELOPMENT_SECRET = 'replyline-development-auth-secret-do-not-use-in-production';

const authEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Hashes sign-in tokens and CSRF tokens. Required in production. */
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Where sign-in links point; Auth.js's own name. Wins over DASHBOARD_URL. */
    AUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The dashboard's public address. */
    DASHBOARD_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3001'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.AUTH_SECRET, {
    path: ['AUTH_SECRET'],
    message: 'is required in production (generate one with `openssl rand -base64 48`)',
  });

export interface AuthEnv {
  secret: string;
  /** The origin sign-in links and redirects use, whatever Host header a request carries. */
  dashboardOrigin: string;
  /** Cookies get `Secure` and the `__Secure-` prefix when the dashboard is served over https. */
  secureCookies: boolean;
}

export function readAuthEnv(source: NodeJS.ProcessEnv = process.env): AuthEnv {
  const env = parseEnv(authEnvSchema, source, 'Dashboard sign-in');
  const url = new URL(env.AUTH_URL ?? env.DASHBOARD_URL);
  return {
    secret: env.AUTH_SECRET ?? DEVELOPMENT_SECRET,
    dashboardOrigin: url.origin,
    secureCookies: url.protocol === 'https:',
  };
}
