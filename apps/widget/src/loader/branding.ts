// Fetches the tenant's public widget settings (GET /v1/widget/config) for the launcher.
// The API answers only when this page's origin is in the tenant's allow-list, so the
// answer also tells whether the chat may run here at all.

export const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export interface Branding {
  color?: string;
  left: boolean;
  title?: string;
  /** The tenant's language name, e.g. "swedish". */
  language?: string;
}

type Warn = (message: string, error?: unknown) => void;
type Fields = Record<string, unknown>;

/** JSON from the network is untrusted: anything that is not an object reads as empty. */
const fields = (value: unknown): Fields =>
  (value && typeof value === 'object' ? value : {}) as Fields;
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function toBranding(body: unknown): Branding {
  const top = fields(body);
  const b = fields(top.branding);
  const color = text(b.primaryColor);
  return {
    color: HEX_COLOR.test(color) ? color : undefined,
    left: b.position === 'bottom-left',
    title: text(b.launcherText) || undefined,
    language: text(top.language) || undefined,
  };
}

/** The launcher branding, or null (after a console warning) when the chat is not available here. */
export async function fetchBranding(
  apiOrigin: string,
  key: string,
  warn: Warn,
): Promise<Branding | null> {
  let response: Response;
  try {
    response = await fetch(`${apiOrigin}/v1/widget/config?key=${encodeURIComponent(key)}`, {
      credentials: 'omit',
    });
  } catch (error) {
    warn('could not reach the chat service; the chat is unavailable on this page', error);
    return null;
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return toBranding(body);
  warn(
    text(fields(fields(body).error).message) || `the chat service answered HTTP ${response.status}`,
  );
  return null;
}
