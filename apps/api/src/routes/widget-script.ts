import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { HttpError } from '../http';
import type { Route } from '../router';

const require = createRequire(import.meta.url);

async function loadWidgetScript(): Promise<Buffer> {
  try {
    return await readFile(require.resolve('@replyline/widget/dist/widget.js'));
  } catch {
    throw new HttpError(
      503,
      'The widget script has not been built yet: run `pnpm build` (or `pnpm dev`).',
      'widget_not_built',
    );
  }
}

/** The one script a business pastes into its site. Read per request in dev, cached in production. */
export function widgetScriptRoute(options: { cache: boolean }): Route {
  let cached: Promise<Buffer> | undefined;
  return {
    method: 'GET',
    path: '/widget.js',
    handle: async ({ res }) => {
      const script = options.cache ? (cached ??= loadWidgetScript()) : loadWidgetScript();
      const body = await script.catch((e: unknown) => {
        cached = undefined;
        throw e;
      });
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'content-length': body.length,
        // The URL carries no version, so browsers revalidate often; the file is tiny.
        'cache-control': 'public, max-age=300',
        'cross-origin-resource-policy': 'cross-origin',
        'access-control-allow-origin': '*',
      });
      res.end(body);
    },
  };
}
