import type { EvalQuery } from '@replyline/rag/eval';
import type { Reply } from './ask';
import {
  answeredRight,
  meetsTargets,
  ratesOf,
  TARGET_RETAINED,
  type EngineRun,
  type Rates,
} from './scores';

/** Coverage thresholds tried when tuning the evidence gate. */
export const COVERAGE_GRID = [0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1];

/** The replies of the ungated engine on one set's development questions. */
export interface DevReplies {
  /** The set's language, as the data names it ("german"). */
  language: string;
  answerable: { query: EvalQuery; reply: Reply }[];
  unanswerable: Reply[];
  baseline: EngineRun;
}

/** What the gate at `threshold` would have done with the ungated replies. */
export function gatedAt(dev: DevReplies, threshold: number): Rates {
  const passes = (reply: Reply) => reply.answered && reply.passesGate(threshold);
  const run: EngineRun = {
    right: dev.answerable.map(({ query, reply }) => passes(reply) && answeredRight(query, reply)),
    abstained: dev.unanswerable.map((reply) => !passes(reply)),
  };
  return ratesOf(run, dev.baseline);
}

/**
 * The highest threshold that keeps the answers on every set (retained >= target); among equal
 * ones the first. Abstention is what the threshold buys, so the highest such value is best.
 */
export function bestThreshold(sets: DevReplies[]): number {
  const keeping = COVERAGE_GRID.filter((t) =>
    sets.every((dev) => gatedAt(dev, t).retained >= TARGET_RETAINED),
  );
  const fully = keeping.filter((t) => sets.every((dev) => meetsTargets(gatedAt(dev, t))));
  return (fully.at(-1) ?? keeping.at(-1) ?? 0) as number;
}
