import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { HttpError } from '../http';
import type { Route } from '../router';

const require = createRequire(import.meta.url);

async function loadBundle(file: string): Promise<Buffer> {
  try {
    return await readFile(require.resolve(`@replyline/widget/dist/${file}`));
  } catch {
    throw new HttpError(
      503,
      'The widget has not been built yet: run `pnpm build` (or `pnpm dev`).',
      'widget_not_built',
    );
  }
}

/** One built widget file, read per request in dev and cached in production. */
function bundleRoute(path: string, file: string, options: { cache: boolean }): Route {
  let cached: Promise<Buffer> | undefined;
  return {
    method: 'GET',
    path,
    handle: async ({ res }) => {
      const script = options.cache ? (cached ??= loadBundle(file)) : loadBundle(file);
      const body = await script.catch((e: unknown) => {
        cached = undefined;
        throw e;
      });
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'content-length': body.length,
        // The URL carries no version, so browsers revalidate often; the files are tiny.
        'cache-control': 'public, max-age=300',
        'cross-origin-resource-policy': 'cross-origin',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    },
  };
}

/** The one script a business pastes into its site. */
export const widgetScriptRoute = (options: { cache: boolean }) =>
  bundleRoute('/widget.js', 'widget.js', options);

/** The chat app that runs inside the widget's iframe. */
export const frameScriptRoute = (options: { cache: boolean }) =>
  bundleRoute('/widget/frame.js', 'frame.js', options);
