// The only place this app reads environment variables. NEXT_PUBLIC_* values are
// inlined at build time, so the static pages carry whatever was set during `next build`.

const DEFAULT_DASHBOARD_URL = 'http://localhost:3001';

function absoluteUrl(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    throw new Error(`NEXT_PUBLIC_DASHBOARD_URL must be an absolute http(s) URL, got "${value}"`);
  }
}

export const env = {
  /** Where "Sign in" and "Start free" send people (the dashboard app). */
  dashboardUrl: absoluteUrl(process.env.NEXT_PUBLIC_DASHBOARD_URL, DEFAULT_DASHBOARD_URL),
} as const;
