// The dashboard's one check for requests that change data (tRPC mutations, uploads): they must
// come from the dashboard's own pages. The session cookie is SameSite=Lax, but a "simple"
// cross-site POST (a form, multipart or text/plain) is still sent by browsers from other sites'
// pages and from same-site ones (another app on a sibling subdomain); Origin tells them apart.

/** A refusal a person can read, as every dashboard route handler answers one. */
export function refusal(status: number, message: string): Response {
  return Response.json({ message }, { status });
}

/**
 * 403 unless the request's Origin is the dashboard's configured origin. Browsers send Origin with
 * every POST, so a missing one is refused too: nothing legitimate changes data without it.
 */
export function refuseForeignOrigin(request: Request, dashboardUrl: string): Response | null {
  const origin = request.headers.get('origin');
  if (origin === new URL(dashboardUrl).origin) return null;
  return refusal(
    403,
    origin
      ? `Changes are accepted from the dashboard's own pages only, not from ${origin}.`
      : "Changes are accepted from the dashboard's own pages only; this request did not say where it came from (no Origin header).",
  );
}

/**
 * 415 unless the body is JSON, as the dashboard's tRPC client sends it. A page on another site
 * cannot send JSON cross-origin without a CORS preflight, which this server never grants; the
 * form encodings it can send (and tRPC would otherwise parse) are refused here.
 */
export function refuseNonJson(request: Request): Response | null {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return null;
  return refusal(415, 'Send the call as JSON (content-type: application/json).');
}
