import type { Route } from '../router';
import { chooseEncoding, matchesEtag, type WidgetBundles, type WidgetFile } from './widget-bundles';

/**
 * The loader's URL is pasted into customers' sites and never changes, so browsers keep it
 * briefly and then revalidate (a 304 when unchanged). The frame's URL carries its content
 * hash, so it can be kept for a year: a new build is a new URL.
 */
const SHORT_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
const IMMUTABLE = 'public, max-age=31536000, immutable';

function bundleRoute(path: string, file: WidgetFile, bundles: WidgetBundles): Route {
  return {
    method: 'GET',
    path,
    handle: async ({ req, res, params }) => {
      const bundle = await bundles.get(file);
      // An old versioned URL (a page loaded before a deploy) gets today's file, briefly cached.
      const immutable = params.version !== undefined && params.version === bundle.version;
      const headers: Record<string, string | number> = {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': immutable ? IMMUTABLE : SHORT_CACHE,
        etag: bundle.etag,
        vary: 'Accept-Encoding',
        'cross-origin-resource-policy': 'cross-origin',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      };
      if (matchesEtag(req.headers['if-none-match'], bundle.etag)) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      const body = bundle[encoding];
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}

/** The one script a business pastes into its site. */
export const widgetScriptRoute = (bundles: WidgetBundles) =>
  bundleRoute('/widget.js', 'widget.js', bundles);

/** The chat app inside the widget's iframe, at the URL of its version (see `frameScriptPath`). */
export const frameScriptRoute = (bundles: WidgetBundles) =>
  bundleRoute('/widget/v/:version/frame.js', 'frame.js', bundles);

/** The frame app's unversioned URL, for pages that still name it. */
export const legacyFrameScriptRoute = (bundles: WidgetBundles) =>
  bundleRoute('/widget/frame.js', 'frame.js', bundles);

/** Where the frame page loads its app: the versioned URL, or the plain one before a build. */
export async function frameScriptPath(bundles: WidgetBundles): Promise<string> {
  try {
    return `/widget/v/${(await bundles.get('frame.js')).version}/frame.js`;
  } catch {
    return '/widget/frame.js'; // answers 503 "not built yet", which says what to do
  }
}
