// Turbopack loader for our own server packages that find files next to their source with
// `new URL('../drizzle', import.meta.url)` (migrations, SQL, the repo root): Turbopack reads that
// pattern as a bundled asset and fails on folders. Pinning `import.meta.url` to the source file's
// URL keeps those paths pointing at the source tree, as they do when the packages run unbundled.
// The build must therefore run where the app runs (as in the Docker image).
/* global require, module */
// Turbopack runs loaders as CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pathToFileURL } = require('node:url');

/** @this {{ resourcePath: string }} */
module.exports = function importMetaUrlLoader(source) {
  return source.replaceAll(
    'import.meta.url',
    JSON.stringify(pathToFileURL(this.resourcePath).href),
  );
};
