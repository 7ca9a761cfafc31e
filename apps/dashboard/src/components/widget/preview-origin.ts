/**
 * The origin a browser sends for a website address, as the API compares it: scheme://host[:port].
 * Bare hosts are taken as https, like the API's allow-list does; null for anything else.
 */
export function originOf(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.includes('*')) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.hostname ? url.origin : null;
  } catch {
    return null;
  }
}

/** Is the dashboard one of the websites the widget may run on (so the API frames it here)? */
export function previewAllowed(dashboardOrigin: string, allowedOrigins: readonly string[]) {
  const dashboard = originOf(dashboardOrigin);
  return dashboard !== null && allowedOrigins.some((origin) => originOf(origin) === dashboard);
}

/**
 * The hint shown instead of a blank preview: the API only renders the chat for allowed
 * websites, so the dashboard must be one of them. Null when the preview can run.
 */
export function previewHint(
  dashboardOrigin: string | null,
  allowedOrigins: readonly string[],
): string | null {
  if (!dashboardOrigin || previewAllowed(dashboardOrigin, allowedOrigins)) return null;
  return `Add ${originOf(dashboardOrigin) ?? dashboardOrigin} to allowed websites to preview.`;
}

/** The API's real chat frame, as the widget script opens it on a page of `hostOrigin`. */
export function previewFrameUrl(apiUrl: string, publishableKey: string, hostOrigin: string) {
  const query = new URLSearchParams({ key: publishableKey, host: hostOrigin });
  // Appended like the embed snippet's script URL, so an API served under a path keeps it.
  return `${apiUrl.replace(/\/+$/, '')}/widget/frame?${query}`;
}
