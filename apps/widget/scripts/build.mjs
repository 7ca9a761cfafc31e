// Bundles the widget's two scripts:
//   src/loader.ts     -> dist/widget.js  the host-page loader (tiny, in every page view)
//   src/frame/main.ts -> dist/frame.js   the chat app inside the iframe
//   node scripts/build.mjs          one build, prints raw and gzipped sizes
//   node scripts/build.mjs --watch  rebuild on change (esbuild context.watch)
import console from 'node:console';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outfile = join(root, 'dist', 'widget.js');
export const frameOutfile = join(root, 'dist', 'frame.js');

/** The magic comment that asks V8 to compile all of the loader's functions eagerly. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  // The map goes to dist/*.js.map only: no sourceMappingURL comment in the served files.
  sourcemap: 'external',
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * esbuild options for the loader; tests reuse them to check the real bundle.
 * @type {import('esbuild').BuildOptions}
 */
export const options = {
  ...common,
  entryPoints: [join(root, 'src', 'loader.ts')],
  outfile,
  // Most of the loader's functions run while the host page loads. This comment (V8's explicit
  // compile hints, Chromium 136+) has all of them compiled with the top level, on the thread
  // that streams the script in, instead of one by one on the page's main thread at first call.
  // It applies to the functions after it, so it is the banner, the file's first line.
  banner: { js: COMPILE_HINT },
};

/**
 * esbuild options for the chat frame (one file, CSS inside the JS; the frame's CSP allows
 * no inline scripts and no other origins).
 * @type {import('esbuild').BuildOptions}
 */
export const frameOptions = {
  ...common,
  entryPoints: [join(root, 'src', 'frame', 'main.ts')],
  outfile: frameOutfile,
};

/** Raw and gzipped (level 9) byte counts of a file. */
export function sizes(file = outfile) {
  const code = readFileSync(file);
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';

function report(file) {
  const { raw, gzip } = sizes(file);
  console.log(
    `built ${relative(root, file)}: ${kb(raw)} raw (${raw} B), ${kb(gzip)} gzipped (${gzip} B)`,
  );
}

export async function build() {
  await Promise.all([esbuild.build(options), esbuild.build(frameOptions)]);
  report(outfile);
  report(frameOutfile);
}

async function watch() {
  for (const each of [options, frameOptions]) {
    const ctx = await esbuild.context({
      ...each,
      plugins: [
        {
          name: 'report',
          setup(b) {
            b.onEnd((result) => {
              if (result.errors.length === 0) report(each.outfile);
            });
          },
        },
      ],
    });
    await ctx.watch();
  }
  console.log('watching src/ for changes (Ctrl+C to stop)');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const run = process.argv.includes('--watch') ? watch : build;
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
