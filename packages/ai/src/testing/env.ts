import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared public evaluation data: `EVAL_DIR` when set, else the `shared/eval` folder next to
 * the repo (this file is packages/ai/src/testing/env.ts, five steps below the repo's parent).
 */
export function evalDir(source: NodeJS.ProcessEnv = process.env): string {
  if (source.EVAL_DIR?.trim()) return resolve(source.EVAL_DIR.trim());
  return fileURLToPath(new URL('../../../../../shared/eval/', import.meta.url));
}

/** A file of the evaluation data, or null with a visible notice (the test using it is skipped). */
export function evalFile(relative: string): string | null {
  const path = join(evalDir(), relative);
  if (existsSync(path)) return path;
  console.warn(
    `[ai] SKIPPED: ${relative} is not available (set EVAL_DIR to the shared eval folder).`,
  );
  return null;
}
