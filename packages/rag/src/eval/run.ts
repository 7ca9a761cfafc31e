/**
 * `pnpm eval:retrieval`: evaluates the plain BM25 baseline and our retrieval on every public
 * evaluation set in the same run, prints one table per set, and exits with code 1 when our
 * Recall@5 is below the baseline's on any set.
 *
 *   --sets=stackfaq,norquad   only these sets
 *   --max-queries=N           at most N queries per set, spread evenly (a quick run)
 */
import { parseArgs } from 'node:util';
import { createBm25Baseline } from './baseline';
import { EVAL_SET_NAMES, evalDataLocation, loadEvalSets } from './datasets';
import { evaluate } from './evaluate';
import { createOurRetrieval } from './our-system';
import { belowBaseline, describeSet, formatTable, type Verdict } from './report';

const USAGE = `Usage: eval:retrieval [--sets=${EVAL_SET_NAMES.slice(0, 2).join(',')}] [--max-queries=N]
Sets: ${EVAL_SET_NAMES.join(', ')}`;

async function main(argv: string[]): Promise<number> {
  let values: { sets?: string; 'max-queries'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sets: { type: 'string' },
        'max-queries': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const only = values.sets
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = (only ?? []).filter(
    (name) => !(EVAL_SET_NAMES as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    console.error(`Unknown set(s): ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const maxQueries =
    values['max-queries'] === undefined ? undefined : Number(values['max-queries']);
  if (maxQueries !== undefined && !(Number.isInteger(maxQueries) && maxQueries > 0)) {
    console.error(`--max-queries must be a positive integer\n${USAGE}`);
    return 2;
  }

  const location = evalDataLocation();
  if (!location.exists) {
    console.log(
      `[eval] SKIPPED: no evaluation data at ${location.dir} (put the shared data next to the repo, or set EVAL_DIR).`,
    );
    return 0;
  }

  const sets = await loadEvalSets({ only, maxQueries });
  console.log(`Evaluation data: ${location.dir}`);
  for (const set of sets) console.log(`  ${describeSet(set)}`);

  const baseline = createBm25Baseline();
  const ours = createOurRetrieval();
  const verdicts: Verdict[] = [];
  try {
    for (const set of sets) {
      const b = await evaluate(baseline, set);
      const o = await evaluate(ours, set);
      verdicts.push({ set: set.name, baseline: b, ours: o });
      console.log(`\n${set.name} (${set.language})`);
      console.log(
        formatTable([
          { system: baseline.name, summary: b },
          { system: ours.name, summary: o },
        ]),
      );
    }
  } finally {
    await Promise.allSettled([baseline.close?.(), ours.close?.()]);
  }

  const worse = belowBaseline(verdicts);
  console.log('\nRecall@5, ours vs baseline:');
  for (const v of verdicts) {
    const delta = v.ours.recall5 - v.baseline.recall5;
    const mark = worse.includes(v) ? 'BELOW BASELINE' : 'ok';
    console.log(
      `  ${v.set.padEnd(22)} ${v.ours.recall5.toFixed(3)} vs ${v.baseline.recall5.toFixed(3)}  (${delta >= 0 ? '+' : ''}${delta.toFixed(3)})  ${mark}`,
    );
  }
  if (worse.length > 0) {
    console.log(
      `\nFAIL: our Recall@5 is below the baseline on ${worse.map((v) => v.set).join(', ')}.`,
    );
    return 1;
  }
  console.log('\nOK: our Recall@5 is at least the baseline on every set.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
