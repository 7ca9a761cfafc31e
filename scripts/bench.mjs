// `pnpm bench`: every package's bench, one at a time (they measure time on the same cores), then
// one summary of every figure that has a product budget. Each bench prints such a figure as
//   [budget] <figure>: <value> (budget <budget>) ok|NOT MET; baseline <same-run baseline>
// and this script repeats those lines at the end, with the run's wall time and the machine's
// load (benchmarks on a shared machine say little; the load says how little).
// A bench that fails does not stop the others (--continue); the exit code still says it failed.
// Arguments go to turbo, e.g. `pnpm bench --filter @replyline/rag`.
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';

const started = performance.now();
const loadAtStart = loadavg();
const budgetLines = [];
const benchesWithoutBudget = new Set();
const benchesWithBudget = new Set();

const turbo = spawn(
  'turbo',
  ['run', 'bench', '--concurrency=1', '--continue', ...process.argv.slice(2)],
  {
    stdio: ['inherit', 'pipe', 'inherit'],
  },
);
for await (const line of createInterface({ input: turbo.stdout })) {
  console.log(line);
  // turbo prefixes a task's lines with `<package>:bench: `.
  const task = /^(@?[\w/.-]+):bench: /.exec(line)?.[1];
  if (task) benchesWithoutBudget.add(task);
  const at = line.indexOf('[budget] ');
  if (at === -1) continue;
  budgetLines.push({ task: task ?? '', text: line.slice(at) });
  if (task) benchesWithBudget.add(task);
}
const code = await new Promise((resolve) => turbo.on('close', resolve));

const minutes = (performance.now() - started) / 60_000;
const format = (load) => load.map((n) => n.toFixed(1)).join(', ');
console.log('\n=== Budgets (product spec), this run ===');
for (const { task, text } of budgetLines) console.log(`${text}${task ? `  [${task}]` : ''}`);
for (const task of benchesWithBudget) benchesWithoutBudget.delete(task);
if (benchesWithoutBudget.size)
  console.log(`(no budget figure printed by: ${[...benchesWithoutBudget].join(', ')})`);
const notMet = budgetLines.filter(({ text }) => text.includes(' NOT MET')).length;
console.log(
  `${budgetLines.length} figures, ${notMet} not met; wall time ${minutes.toFixed(1)} min; ` +
    `load average (1, 5, 15 min) at start ${format(loadAtStart)}, at end ${format(loadavg())} on ${availableParallelism()} cores`,
);
process.exit(code ?? 1);
