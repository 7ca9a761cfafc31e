import type { EvalQuery } from '@replyline/rag/eval';
import type { Reply } from './ask';

/** Abstain on at least this share of questions the knowledge base cannot answer… */
export const TARGET_ABSTAIN = 0.9;
/** …while still answering this share of what today's engine answered right. */
export const TARGET_RETAINED = 0.95;

/**
 * Answered, and the answer's first source (what it leads with) is a document that answers the
 * question. An answer quoting two documents is right only if it leads with the right one.
 */
export function answeredRight(query: EvalQuery, reply: Reply): boolean {
  return reply.answered && reply.leading.some((id) => query.relevantIds.includes(id));
}

export interface EngineRun {
  /** Per answerable question: answered with the right source cited. */
  right: boolean[];
  /** Per unanswerable question: said it does not know. */
  abstained: boolean[];
}

export interface Rates {
  right: number;
  abstained: number;
  /** Of the questions the baseline answered right, the share this engine answered right too. */
  retained: number;
}

export function ratesOf(run: EngineRun, baseline: EngineRun): Rates {
  const baselineRight = baseline.right.flatMap((right, i) => (right ? [i] : []));
  const kept = baselineRight.filter((i) => run.right[i]).length;
  return {
    right: share(run.right),
    abstained: share(run.abstained),
    retained: baselineRight.length === 0 ? 1 : kept / baselineRight.length,
  };
}

export function meetsTargets(rates: Rates): boolean {
  return rates.abstained >= TARGET_ABSTAIN && rates.retained >= TARGET_RETAINED;
}

export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function share(values: boolean[]): number {
  return values.length === 0 ? 0 : values.filter(Boolean).length / values.length;
}
