// The only place this app reads environment variables. NEXT_PUBLIC_* values are inlined at
// build time (Next replaces each literal `process.env.NAME`), so they are listed one by one.
import { z } from 'zod';

const marketingEnvSchema = z.object({
  /** Where "Sign in" and "Start free" send people (the dashboard app). */
  NEXT_PUBLIC_DASHBOARD_URL: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('http://localhost:3001'),
});

const parsed = marketingEnvSchema.safeParse({
  NEXT_PUBLIC_DASHBOARD_URL: process.env.NEXT_PUBLIC_DASHBOARD_URL || undefined,
});
if (!parsed.success) {
  throw new Error(
    `The marketing site's settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}

export const env = { dashboardUrl: parsed.data.NEXT_PUBLIC_DASHBOARD_URL } as const;
