// Size budget for the host-page loader: builds dist/widget.js and fails over budget.
// It ships to every page view of every customer site, so it has to stay small.
import console from 'node:console';
import process from 'node:process';
import { build, kb, sizes } from './build.mjs';

const BUDGET_KB = 6;

await build();
const { raw, gzip } = sizes();
const over = gzip > BUDGET_KB * 1024;
console.log(
  `widget loader: ${kb(gzip)} gzipped (budget ${BUDGET_KB} KB)  [${gzip} B gzipped, ${raw} B raw]`,
);
if (over) {
  console.error(`widget loader is over its budget by ${gzip - BUDGET_KB * 1024} B`);
  process.exit(1);
}
