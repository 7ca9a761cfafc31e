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

/** Same look on screen: a config answer equal to what is shown changes nothing. */
export function sameBranding(a: Branding, b: Branding): boolean {
  return (
    a.color === b.color && a.left === b.left && a.title === b.title && a.language === b.language
  );
}

// The last config this page's origin got for a key, kept in the page's localStorage so that a
// returning visitor's next page mounts the launcher once, already branded, instead of painting
// it twice (defaults first, the tenant's look when the config answers).
const CACHE_PREFIX = 'replyline:config:';

/**
 * A cached config younger than this is used without asking the API again: the visitor's next
 * pages within it make no request at all (the first fetch of a page costs it a few ms of main
 * thread). A changed look, or a site taken off the allow-list, reaches such a visitor this much
 * later at most; the chat frame checks the site on its own whenever it opens.
 */
export const CONFIG_FRESH_MS = 5 * 60_000;

export interface CachedBranding {
  branding: Branding;
  /** Stored less than CONFIG_FRESH_MS ago (by this device's clock). */
  fresh: boolean;
}

/** The cached branding for `key`, or null: none, unreadable, or storage blocked by the browser. */
export function cachedBranding(key: string): CachedBranding | null {
  try {
    const raw = window.localStorage.getItem(CACHE_PREFIX + key);
    if (!raw) return null;
    // Stored in the config's own shape, so it goes through the same checks as a fresh answer.
    const entry: unknown = JSON.parse(raw);
    const age = Date.now() - Number(fields(entry).savedAt);
    // No date (an older entry) or one in the future (the clock was changed): not fresh.
    return { branding: toBranding(entry), fresh: age >= 0 && age < CONFIG_FRESH_MS };
  } catch {
    return null;
  }
}

/** Remembers the branding for the next page views; null forgets it (the key was refused). */
export function cacheBranding(key: string, branding: Branding | null): void {
  try {
    const storage = window.localStorage;
    if (!branding) return storage.removeItem(CACHE_PREFIX + key);
    storage.setItem(
      CACHE_PREFIX + key,
      JSON.stringify({
        savedAt: Date.now(),
        language: branding.language,
        branding: {
          primaryColor: branding.color,
          position: branding.left ? 'bottom-left' : 'bottom-right',
          launcherText: branding.title,
        },
      }),
    );
  } catch {
    // Storage blocked or full: the next page simply waits for the config again.
  }
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
