import { createHash } from 'node:crypto';
import { sampleQueries, type EvalQuery, type EvalSet, type EvalSetName } from '@replyline/rag/eval';

/**
 * Whose questions each set's tenant cannot answer: a set on another subject, in the same
 * language where the data has one (German has no second subject, so English questions stand in:
 * a visitor writing English to a German workspace; Swedish and Norwegian ask each other).
 */
export const UNANSWERABLE_FROM: Record<EvalSetName, EvalSetName> = {
  stackfaq: 'covid-en-qa',
  'covid-en-paraphrase': 'stackfaq',
  'covid-en-qa': 'stackfaq',
  'covid-de-paraphrase': 'stackfaq',
  'covid-de-qa': 'stackfaq',
  'covid-sv-qa': 'norquad',
  norquad: 'covid-sv-qa',
};

/** Share of every set's questions used to tune thresholds; the rest are held out. */
const DEV_SHARE = 0.3;

export type Part = 'dev' | 'held-out';

/**
 * A fixed part for each question, from a hash of its id: the same questions are the
 * development part in every run, and thresholds are never tuned on held-out ones.
 */
export function partOf(query: EvalQuery): Part {
  const first = createHash('sha256').update(query.id).digest().readUInt32BE(0);
  return first / 2 ** 32 < DEV_SHARE ? 'dev' : 'held-out';
}

export interface AnswerTask {
  set: EvalSet;
  /** The set's own questions of this part: each has a document that answers it. */
  answerable: EvalQuery[];
  /** Another set's questions of this part (as many as the answerable ones at most). */
  unanswerable: EvalQuery[];
  unanswerableFrom: EvalSetName;
}

/** The questions to ask one set's tenant, for one part. */
export function answerTask(set: EvalSet, foreign: EvalSet, part: Part): AnswerTask {
  const answerable = set.queries.filter((q) => partOf(q) === part);
  const candidates = foreign.queries.filter((q) => partOf(q) === part);
  const unanswerable = sampleQueries(
    { ...foreign, queries: candidates },
    Math.max(1, answerable.length),
  ).queries;
  return {
    set,
    answerable,
    unanswerable,
    unanswerableFrom: foreign.name as EvalSetName,
  };
}
