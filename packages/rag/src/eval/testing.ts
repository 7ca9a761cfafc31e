import { evalDataLocation } from './datasets';

/**
 * For tests that need the public evaluation data: where it is, and whether it is there. When it
 * is absent, prints a visible notice (the suites then skip).
 */
export function evalDataForTests(suite: string): { dir: string; exists: boolean } {
  const location = evalDataLocation();
  if (!location.exists) {
    console.warn(
      `[eval] SKIPPED ${suite}: no evaluation data at ${location.dir} (put the shared data next to the repo, or set EVAL_DIR).`,
    );
  }
  return location;
}
