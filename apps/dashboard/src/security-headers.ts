/**
 * The headers every dashboard response carries. The CSP allows inline scripts: Next's App
 * Router streams its page data in inline <script> tags, and the alternative (a nonce per
 * response, set in the proxy) would add a moving part to every request for little gain here,
 * since the dashboard renders no HTML from users (React escapes everything it shows). What the
 * policy does stop: scripts and frames from other origins, plugins, <base> hijacking, forms
 * posting elsewhere, and being framed by other sites (clickjacking).
 */
export function securityHeaders(options: {
  /** The public API's address: the widget editor's live preview runs its chat frame script. */
  apiUrl: string;
  /** `next dev` evaluates code and reloads over a websocket; production needs neither. */
  development: boolean;
}): Record<string, string> {
  const api = new URL(options.apiUrl).origin;
  const dev = options.development;
  const csp = [
    "default-src 'self'",
    // The widget editor's preview runs the chat frame's script from the API.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''} ${api}`,
    // React style attributes (charts, progress bars) are inline styles.
    "style-src 'self' 'unsafe-inline'",
    // Logos and avatars are https addresses chosen by each workspace.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    `frame-src ${api}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    // For browsers older than frame-ancestors.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // Invitation links carry their code in the path: never send it to another site.
    'referrer-policy': 'same-origin',
  };
}
