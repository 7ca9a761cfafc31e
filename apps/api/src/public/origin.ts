import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http';

/** `https://shop.example` form of an origin, or null when it is not one. */
export function normalizeOrigin(value: string | undefined | null): string | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Is the request coming from a page of this API itself (the chat iframe)? Browsers set
 * Origin and we compare it with the host the request was sent to.
 */
export function isOwnOrigin(req: IncomingMessage, origin: string): boolean {
  const host = req.headers.host;
  return Boolean(host) && new URL(origin).host === host;
}

export function isAllowedOrigin(allowedOrigins: string[], origin: string | null): boolean {
  return origin !== null && allowedOrigins.some((allowed) => normalizeOrigin(allowed) === origin);
}

export function originNotAllowed(origin: string | null, tenantName: string): HttpError {
  return new HttpError(
    403,
    origin
      ? `This chat is not enabled on ${origin}. ${tenantName} can add the website under Widget settings > Allowed websites.`
      : 'Requests must come from a web page on one of the tenant’s allowed websites.',
    'origin_not_allowed',
  );
}

/**
 * The website a widget request acts for: the page's own Origin for direct calls, or, for
 * calls from our chat iframe (same origin as the API), the host page it says it is embedded
 * in; the iframe is only rendered inside allowed origins (CSP frame-ancestors).
 */
export function siteOriginOf(req: IncomingMessage, claimedHost?: string | null): string | null {
  const origin = normalizeOrigin(req.headers.origin);
  if (origin && isOwnOrigin(req, origin)) return normalizeOrigin(claimedHost);
  return origin;
}
