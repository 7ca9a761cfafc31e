import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readEvalEnv } from '../eval/env';

/** A file of the shared public evaluation data, or null (tests then skip with a visible notice). */
export function evalFile(relative: string): string | null {
  const path = join(readEvalEnv().evalDir, relative);
  if (existsSync(path)) return path;
  console.warn(
    `[eval data] SKIPPED: ${relative} is not available (set EVAL_DIR to the shared eval folder).`,
  );
  return null;
}
