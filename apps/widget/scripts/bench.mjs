// Size budgets for the widget: builds dist/widget.js and dist/frame.js and fails over budget.
// The loader ships to every page view of every customer site; the frame loads when a
// visitor opens the chat. Both have to stay small (the big vendors ship 100-500 KB).
import console from 'node:console';
import process from 'node:process';
import { build, frameOutfile, kb, outfile, sizes } from './build.mjs';

const LOADER_BUDGET_KB = 6;
const TOTAL_BUDGET_KB = 30;

await build();
const loader = sizes(outfile);
const frame = sizes(frameOutfile);
const total = { raw: loader.raw + frame.raw, gzip: loader.gzip + frame.gzip };

const rows = [
  ['widget loader', loader, LOADER_BUDGET_KB],
  ['chat frame', frame, null],
  ['loader + frame', total, TOTAL_BUDGET_KB],
];
let failed = false;
for (const [name, { raw, gzip }, budget] of rows) {
  const limit = budget === null ? `within the ${TOTAL_BUDGET_KB} KB total` : `budget ${budget} KB`;
  console.log(`${name}: ${kb(gzip)} gzipped (${limit})  [${gzip} B gzipped, ${raw} B raw]`);
  // The line `pnpm bench` gathers into its summary (a size has no same-run baseline).
  if (budget !== null)
    console.log(
      `[budget] ${name} size: ${gzip} B gzipped (budget <= ${budget} KB = ${budget * 1024} B) ${gzip <= budget * 1024 ? 'ok' : 'NOT MET'}; baseline none (${raw} B raw)`,
    );
  if (budget !== null && gzip > budget * 1024) {
    console.error(`${name} is over its budget by ${gzip - budget * 1024} B`);
    failed = true;
  }
}
if (failed) process.exit(1);
