import { existsSync } from 'node:fs';

/** Debian's Chromium unless told otherwise; browser tests skip with a notice when it is absent. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(`[e2e] SKIPPED: no Chromium at ${chromiumPath} (install it, or set CHROMIUM_PATH).`);
}

/** The environment a spawned app inherits (DATABASE_URL among it), with test overrides. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
