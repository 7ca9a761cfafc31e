import { answerTurn, readTurn } from '../engine/answer-turn';
import { planAnswer } from '../engine/plan-answer';
import {
  BASELINE_EXTRACTIVE_STYLE,
  EXTRACTIVE_STYLE,
  type ExtractiveStyle,
} from '../providers/extractive-answer';
import { createExtractiveModel } from '../providers/extractive-model';
import { weighEvidence } from '../retrieval/evidence-gate';
import type { EvalTenant } from './eval-tenant';

/** An answer engine as the evaluation runs it: the extractive answerer, gated or not. */
export interface AnswerEngine {
  name: string;
  requireEvidence: boolean;
  style: ExtractiveStyle;
}

/** The engine as it was before the evidence gate: the baseline every run compares against. */
export const TODAYS_ENGINE: AnswerEngine = {
  name: "today's engine",
  requireEvidence: false,
  style: BASELINE_EXTRACTIVE_STYLE,
};

export const GATED_ENGINE: AnswerEngine = {
  name: 'evidence gate + one document',
  requireEvidence: true,
  style: EXTRACTIVE_STYLE,
};

/** The new quoting rules without the gate: what tuning needs to try thresholds offline. */
export const UNGATED_ENGINE: AnswerEngine = { ...GATED_ENGINE, requireEvidence: false };

export interface Reply {
  /** False when the engine said it does not know (or gave any other fixed reply). */
  answered: boolean;
  /** The set's document ids behind the answer's first source (what it leads with). */
  leading: string[];
  /** Whether the evidence gate lets the question through at a coverage threshold (tuning). */
  passesGate: (minCoverage: number) => boolean;
}

/** Asks one question as a visitor's first message, through planning and answering. */
export async function ask(engine: AnswerEngine, tenant: EvalTenant, text: string): Promise<Reply> {
  const turn = readTurn(text, tenant.context);
  if (!turn) return { answered: false, leading: [], passesGate: () => false };
  const plan = await planAnswer(
    { ...turn, search: tenant.search, budget: null },
    { requireEvidence: engine.requireEvidence },
  );
  const question = {
    text: turn.question,
    knowledgeLanguage: turn.knowledgeLanguage,
    messageLanguage: turn.language,
  };
  const passesGate = (minCoverage: number) =>
    plan.kind === 'model' && weighEvidence(question, plan.passages, minCoverage).supported;
  const run = answerTurn(turn, plan, { model: createExtractiveModel(engine.style) });
  let step = await run.next();
  while (!step.done) step = await run.next();
  const outcome = step.value;
  if (outcome.kind !== 'answered') return { answered: false, leading: [], passesGate };
  const { tags, sources } = outcome.message;
  if (plan.kind === 'canned' || tags.includes('unanswered'))
    return { answered: false, leading: [], passesGate };
  return {
    answered: true,
    leading: sources[0] ? tenant.evalIds(sources[0].documentId) : [],
    passesGate,
  };
}
