import { NextResponse } from 'next/server';
import { readDashboardEnv } from './env';
import { securityHeaders } from './security-headers';

// Runs before every request. Here rather than in next.config's `headers()`, which are fixed at
// build time: the API's address (the preview's frame-src) is known only when the server starts.
let headers: Record<string, string> | undefined;

function dashboardHeaders(): Record<string, string> {
  if (headers) return headers;
  const env = readDashboardEnv();
  return (headers = securityHeaders({
    apiUrl: env.API_URL,
    development: env.NODE_ENV === 'development',
  }));
}

export function proxy(): NextResponse {
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(dashboardHeaders())) response.headers.set(name, value);
  return response;
}
