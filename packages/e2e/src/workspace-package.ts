import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The folder of a workspace package this suite drives, found the way Node finds any
 * dependency (each is declared in package.json), so the suite never hard-codes where
 * the apps sit in the tree.
 */
export function workspacePackageDir(name: string): string {
  return `${dirname(require.resolve(`${name}/package.json`))}/`;
}
