/**
 * `pnpm eval:answers`: loads each public evaluation set into a tenant of its own, asks it its
 * own held-out questions (answerable) and another set's (unanswerable), and prints per set and
 * language the answer rate with the right source cited and the abstention rate, for today's
 * engine and the gated one in the same run. Exits with code 1 when a set misses the targets.
 *
 *   --sets=stackfaq,norquad   only these sets
 *   --max-queries=N           at most N questions per set, spread evenly (a quick run)
 *   --tune                    try evidence-gate thresholds on the development questions instead
 */
import { parseArgs } from 'node:util';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import {
  alignedTable,
  EVAL_SET_NAMES,
  evalDataLocation,
  loadEvalSets,
  type EvalQuery,
  type EvalSetName,
} from '@replyline/rag/eval';
import { minQuestionCoverage } from '../retrieval/evidence-gate';
import { isoLanguage } from '../language/languages';
import { answerTask, UNANSWERABLE_FROM, type AnswerTask } from './answer-sets';
import {
  ask,
  GATED_ENGINE,
  TODAYS_ENGINE,
  UNGATED_ENGINE,
  type AnswerEngine,
  type Reply,
} from './ask';
import { loadEvalTenant, type EvalTenant } from './eval-tenant';
import {
  answeredRight,
  meetsTargets,
  percent,
  ratesOf,
  TARGET_ABSTAIN,
  TARGET_RETAINED,
  type EngineRun,
} from './scores';
import { bestThreshold, COVERAGE_GRID, gatedAt, type DevReplies } from './tune';

const USAGE = `Usage: eval:answers [--sets=stackfaq,norquad] [--max-queries=N] [--tune]
Sets: ${EVAL_SET_NAMES.join(', ')}`;

interface Options {
  only: EvalSetName[];
  maxQueries?: number;
  tune: boolean;
}

function readOptions(argv: string[]): Options | string {
  let values: { sets?: string; 'max-queries'?: string; tune?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sets: { type: 'string' },
        'max-queries': { type: 'string' },
        tune: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const only = (values.sets
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [...EVAL_SET_NAMES]) as EvalSetName[];
  const unknown = only.filter((name) => !EVAL_SET_NAMES.includes(name));
  if (unknown.length > 0) return `Unknown set(s): ${unknown.join(', ')}`;
  const maxQueries =
    values['max-queries'] === undefined ? undefined : Number(values['max-queries']);
  if (maxQueries !== undefined && !(Number.isInteger(maxQueries) && maxQueries > 0))
    return '--max-queries must be a positive integer';
  return { only, maxQueries, tune: values.tune ?? false };
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const location = evalDataLocation();
  if (!location.exists) {
    console.log(
      `[eval:answers] SKIPPED: no evaluation data at ${location.dir} (put the shared data next to the repo, or set EVAL_DIR).`,
    );
    return 0;
  }
  const needed = [...new Set(options.only.flatMap((name) => [name, UNANSWERABLE_FROM[name]]))];
  const sets = new Map(
    (await loadEvalSets({ only: needed, maxQueries: options.maxQueries })).map((s) => [s.name, s]),
  );
  const database = await openTestDatabase();
  try {
    const tasks = options.only.map((name) =>
      answerTask(
        sets.get(name)!,
        sets.get(UNANSWERABLE_FROM[name])!,
        options.tune ? 'dev' : 'held-out',
      ),
    );
    return options.tune ? await tune(database, tasks) : await evaluate(database, tasks);
  } finally {
    await database.close();
  }
}

/** Today's engine and the gated one on every set's held-out questions. */
async function evaluate(database: TestDatabase, tasks: AnswerTask[]): Promise<number> {
  console.log(
    `Held-out questions. Targets: abstain >= ${percent(TARGET_ABSTAIN)} on unanswerable, answer >= ${percent(TARGET_RETAINED)} of what today's engine answers right.`,
  );
  const missed: string[] = [];
  for (const task of tasks) {
    const tenant = await loadTask(database, task);
    const baseline = await runEngine(TODAYS_ENGINE, tenant, task);
    const gated = await runEngine(GATED_ENGINE, tenant, task);
    const today = ratesOf(baseline, baseline);
    const ours = ratesOf(gated, baseline);
    console.log(
      `Evidence gate: ${minQuestionCoverage(isoLanguage(task.set.language))} question coverage`,
    );
    const verdict = meetsTargets(ours) ? 'meets targets' : 'MISSES TARGETS';
    if (!meetsTargets(ours)) missed.push(task.set.name);
    console.log(
      alignedTable(
        ['engine', 'answered, right source', 'abstained (unanswerable)', "kept of today's right"],
        [
          [TODAYS_ENGINE.name, percent(today.right), percent(today.abstained), '-'],
          [GATED_ENGINE.name, percent(ours.right), percent(ours.abstained), percent(ours.retained)],
        ],
      ),
    );
    console.log(`=> ${verdict}`);
  }
  if (missed.length > 0) {
    console.log(`\nFAIL: targets missed on ${missed.join(', ')}.`);
    return 1;
  }
  console.log('\nOK: every set meets both targets.');
  return 0;
}

/** Threshold sweep on the development questions; prints the value the gate should use. */
async function tune(database: TestDatabase, tasks: AnswerTask[]): Promise<number> {
  const all: DevReplies[] = [];
  for (const task of tasks) {
    const tenant = await loadTask(database, task);
    const baseline = await runEngine(TODAYS_ENGINE, tenant, task);
    const replies = await askAll(UNGATED_ENGINE, tenant, task.answerable);
    const answerable = task.answerable.map((query, i) => ({ query, reply: replies[i]! }));
    const unanswerable = await askAll(UNGATED_ENGINE, tenant, task.unanswerable);
    const dev = { language: task.set.language, answerable, unanswerable, baseline };
    all.push(dev);
    console.log(
      alignedTable(
        [
          'min coverage',
          'answered, right source',
          'abstained (unanswerable)',
          "kept of today's right",
        ],
        COVERAGE_GRID.map((t) => {
          const rates = gatedAt(dev, t);
          return [
            String(t),
            percent(rates.right),
            percent(rates.abstained),
            percent(rates.retained),
          ];
        }),
      ),
    );
  }
  for (const [language, sets] of groupBy(all, (dev) => isoLanguage(dev.language))) {
    console.log(
      `\nBest threshold for ${language}: ${bestThreshold(sets)} (in use: ${minQuestionCoverage(language)})`,
    );
  }
  return 0;
}

async function loadTask(database: TestDatabase, task: AnswerTask): Promise<EvalTenant> {
  const started = Date.now();
  const tenant = await loadEvalTenant(database.db, task.set);
  console.log(
    `\n${task.set.name} (${task.set.language}): ${task.set.documents.length} documents loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; ${task.answerable.length} answerable questions, ${task.unanswerable.length} unanswerable from ${task.unanswerableFrom}`,
  );
  return tenant;
}

async function runEngine(
  engine: AnswerEngine,
  tenant: EvalTenant,
  task: AnswerTask,
): Promise<EngineRun> {
  const answers = await askAll(engine, tenant, task.answerable);
  const others = await askAll(engine, tenant, task.unanswerable);
  return {
    right: task.answerable.map((query, i) => answeredRight(query, answers[i]!)),
    abstained: others.map((reply) => !reply.answered),
  };
}

/** One question after another: the database (PGlite) answers one query at a time anyway. */
async function askAll(
  engine: AnswerEngine,
  tenant: EvalTenant,
  queries: EvalQuery[],
): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const query of queries) replies.push(await ask(engine, tenant, query.text));
  return replies;
}

// `pnpm eval:answers -- --sets=…` hands the separator on.
const args = process.argv.slice(2);
main(args[0] === '--' ? args.slice(1) : args).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
