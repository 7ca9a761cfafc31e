// Liveness probe for load balancers and the dev runner. Never cached.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ ok: true, app: 'dashboard' } as const, {
    headers: { 'cache-control': 'no-store' },
  });
}
