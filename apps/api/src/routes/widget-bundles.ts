import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { HttpError } from '../http';

const require = createRequire(import.meta.url);

/** A built widget file, ready to serve in each encoding a browser may ask for. */
export interface WidgetBundle {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Strong validator: the same bytes give the same tag on every API process. */
  etag: string;
  /** Short content hash, the version in the frame's immutable URL. */
  version: string;
}

export type WidgetFile = 'widget.js' | 'frame.js';

export interface WidgetBundles {
  get(file: WidgetFile): Promise<WidgetBundle>;
}

/**
 * The widget's two files, compressed once with the strongest settings (they are small and
 * served to every visitor of every customer site, so a few ms at start-up pay back at once).
 * With `cache` (production) each is read and compressed once; in development on every request,
 * so a rebuild shows without a restart.
 */
export function widgetBundles(options: { cache: boolean }): WidgetBundles {
  const cached = new Map<WidgetFile, Promise<WidgetBundle>>();
  return {
    get(file) {
      if (!options.cache) return loadBundle(file);
      let bundle = cached.get(file);
      if (!bundle) {
        bundle = loadBundle(file);
        cached.set(file, bundle);
        bundle.catch(() => cached.delete(file));
      }
      return bundle;
    },
  };
}

async function loadBundle(file: WidgetFile): Promise<WidgetBundle> {
  let identity: Buffer;
  try {
    identity = await readFile(require.resolve(`@replyline/widget/dist/${file}`));
  } catch {
    throw new HttpError(
      503,
      'The widget has not been built yet: run `pnpm build` (or `pnpm dev`).',
      'widget_not_built',
    );
  }
  const hash = createHash('sha256').update(identity).digest('base64url');
  return {
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    etag: `"${hash.slice(0, 27)}"`,
    version: hash.slice(0, 12),
  };
}

export type ContentEncoding = 'br' | 'gzip' | 'identity';

/** The best encoding the `Accept-Encoding` header allows: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return 'identity';
}

/** Does `If-None-Match` name this tag (or `*`)? Weak comparison, as RFC 9110 asks for GET. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
