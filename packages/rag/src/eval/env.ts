import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Where the public evaluation data lives. By default the shared folder next to the repo
 * (`<repo>/../shared/eval`); this file is `packages/rag/src/eval/env.ts`, so five `..` steps
 * lead from here to the repo's parent folder. `EVAL_DIR` overrides it (a relative value is
 * taken from the current working directory).
 */
export const defaultEvalDir = fileURLToPath(
  new URL('../../../../../shared/eval/', import.meta.url),
);

const evalEnvSchema = z.object({
  EVAL_DIR: z.string().trim().min(1).optional(),
});

export interface EvalEnv {
  /** Absolute path of the evaluation data folder (may not exist). */
  evalDir: string;
  /** Whether it came from `EVAL_DIR` rather than the default. */
  fromEnv: boolean;
}

/** Reads the evaluation settings; `FOO=` counts as unset. */
export function readEvalEnv(source: NodeJS.ProcessEnv = process.env): EvalEnv {
  const parsed = evalEnvSchema.parse({ EVAL_DIR: source.EVAL_DIR || undefined });
  return parsed.EVAL_DIR
    ? { evalDir: resolve(parsed.EVAL_DIR), fromEnv: true }
    : { evalDir: defaultEvalDir, fromEnv: false };
}

/** True when the evaluation data folder exists (tests and the runner skip with a notice otherwise). */
export function evalDirExists(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}
