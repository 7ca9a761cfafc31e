// The only place this app reads environment variables. NEXT_PUBLIC_* values are inlined at
// build time (Next replaces each literal `process.env.NAME`), so they are listed one by one.
import { z } from 'zod';

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const marketingEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  /** Where "Sign in" and "Start for free" send people (the dashboard app). */
  NEXT_PUBLIC_DASHBOARD_URL: httpUrl.default('http://localhost:3001'),
  /** The public API that serves widget.js; the live demo widget loads from it. */
  NEXT_PUBLIC_WIDGET_API_URL: httpUrl.optional(),
  /** The demo workspace's publishable key: it must allow this site's origin. */
  NEXT_PUBLIC_DEMO_WIDGET_KEY: z
    .string()
    .regex(/^pk_[A-Za-z0-9_-]+$/, 'must be a publishable key (pk_...), never a secret key')
    .default('pk_demo_northwind'),
});

export type MarketingEnvSource = Partial<
  Record<keyof z.input<typeof marketingEnvSchema>, string | undefined>
>;

export interface MarketingEnv {
  dashboardUrl: string;
  /** null: no live widget on the site (a production build that was not told where the API is). */
  widgetApiUrl: string | null;
  demoWidgetKey: string;
}

/** Validates the settings; empty values count as unset. */
export function parseMarketingEnv(source: MarketingEnvSource): MarketingEnv {
  const values = Object.fromEntries(
    Object.entries(source).map(([name, value]) => [name, value || undefined]),
  );
  const parsed = marketingEnvSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(
      `The marketing site's settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const data = parsed.data;
  // In development the API runs beside this site on port 4000. A production build must be told
  // where it is: guessing localhost there would load a script that cannot exist for visitors.
  const devApiUrl = data.NODE_ENV === 'production' ? null : 'http://localhost:4000';
  return {
    dashboardUrl: data.NEXT_PUBLIC_DASHBOARD_URL,
    widgetApiUrl: data.NEXT_PUBLIC_WIDGET_API_URL ?? devApiUrl,
    demoWidgetKey: data.NEXT_PUBLIC_DEMO_WIDGET_KEY,
  };
}

export const env: MarketingEnv = parseMarketingEnv({
  NODE_ENV: process.env.NODE_ENV,
  NEXT_PUBLIC_DASHBOARD_URL: process.env.NEXT_PUBLIC_DASHBOARD_URL,
  NEXT_PUBLIC_WIDGET_API_URL: process.env.NEXT_PUBLIC_WIDGET_API_URL,
  NEXT_PUBLIC_DEMO_WIDGET_KEY: process.env.NEXT_PUBLIC_DEMO_WIDGET_KEY,
});
