// Bundles the host-page loader (src/loader.ts) into dist/widget.js.
//   node scripts/build.mjs          one build, prints raw and gzipped size
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

/**
 * esbuild options for the loader; tests reuse them to check the real bundle.
 * @type {import('esbuild').BuildOptions}
 */
export const options = {
  entryPoints: [join(root, 'src', 'loader.ts')],
  outfile,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  // The map goes to dist/widget.js.map only: no sourceMappingURL comment in widget.js.
  sourcemap: 'external',
  legalComments: 'none',
  logLevel: 'warning',
};

/** Raw and gzipped (level 9) byte counts of a file. */
export function sizes(file = outfile) {
  const code = readFileSync(file);
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';

function report() {
  const { raw, gzip } = sizes();
  console.log(
    `built ${relative(root, outfile)}: ${kb(raw)} raw (${raw} B), ${kb(gzip)} gzipped (${gzip} B)`,
  );
}

export async function build() {
  await esbuild.build(options);
  report();
}

async function watch() {
  const ctx = await esbuild.context({
    ...options,
    plugins: [
      {
        name: 'report',
        setup(b) {
          b.onEnd((result) => {
            if (result.errors.length === 0) report();
          });
        },
      },
    ],
  });
  await ctx.watch();
  console.log('watching src/ for changes (Ctrl+C to stop)');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const run = process.argv.includes('--watch') ? watch : build;
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
