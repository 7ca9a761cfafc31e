import { inSpan } from '@replyline/db/telemetry';
import { checkDailyBudget } from '../guardrails/daily-budget';
import { looksLikeInjection } from '../guardrails/injection';
import { refusedTopicIn } from '../guardrails/refused-topics';
import { phrasesFor } from '../language/phrases';
import { weighEvidence, type EvidenceQuestion } from '../retrieval/evidence-gate';
import { retrievePassages, type KnowledgeSearch } from '../retrieval/retrieve-passages';
import { isSmallTalk } from '../signals/tag-message';
import type { MessageTag } from '../signals/lexicons';
import { keywordStems } from '../text/keywords';
import type { TurnContext } from './turn-context';
import type { Passage, VisitorContext } from '../types';

export type AnswerPlan =
  | { kind: 'canned'; text: string; tags: string[]; unanswered: boolean }
  | { kind: 'model'; passages: Passage[]; overBudget: boolean };

export interface PlanInput {
  question: string;
  tags: MessageTag[];
  language: string;
  knowledgeLanguage: string;
  context: TurnContext;
  /** The tenant's knowledge search (see `KnowledgeSearch`). */
  search: KnowledgeSearch;
  /** Context sent with this message (the conversation's stored context otherwise). */
  visitorContext?: VisitorContext;
  /** Today's model tokens for this visitor and the limit, when a paid model would answer. */
  budget: { used: number; limit: number } | null;
}

export interface PlanOptions {
  /**
   * Whether the best document must support the question (evidence-gate.ts) before a model or
   * the extractive answerer sees it. Off only to measure the engine as it was before the gate.
   */
  requireEvidence?: boolean;
}

/**
 * Decides how to answer before any model runs. Some messages get a fixed reply in the
 * customer's language and never reach a model: instructions aimed at the assistant, a request
 * for a person, a refused topic, small talk, and questions the knowledge base has nothing on
 * or whose best passages do not support them (so nothing can be invented, and no model is paid
 * to say so). Everything else goes to the model with the relevant passages.
 */
export function planAnswer(input: PlanInput, options: PlanOptions = {}): Promise<AnswerPlan> {
  return inSpan('ai.plan_answer', { 'ai.language': input.language }, async (span) => {
    const plan = await choosePlan(input, options);
    span.setAttribute('ai.plan', plan.kind);
    return plan;
  });
}

async function choosePlan(input: PlanInput, options: PlanOptions): Promise<AnswerPlan> {
  const canned = cannedPlan(input);
  if (canned) return canned;
  const found = await findPassages(input);
  const evidence =
    options.requireEvidence === false ? null : weighEvidence(found.question, found.passages);
  if (found.passages.length === 0 || (evidence && !evidence.supported)) {
    const phrases = phrasesFor(input.language);
    return { kind: 'canned', text: phrases.dontKnow, tags: ['unanswered'], unanswered: true };
  }
  // The supporting document's passages first: the extractive answer quotes that one document.
  const passages = evidence
    ? [...evidence.passages, ...found.passages.filter((p) => !evidence.passages.includes(p))]
    : found.passages;
  const overBudget = input.budget
    ? !checkDailyBudget(input.budget.used, input.budget.limit).allowed
    : false;
  return { kind: 'model', passages, overBudget };
}

type CannedInput = Omit<PlanInput, 'search' | 'budget'>;

/** The fixed replies that need no knowledge search; null when the question goes to retrieval. */
export function cannedPlan(input: CannedInput): AnswerPlan | null {
  const phrases = phrasesFor(input.language);
  const canned = (text: string, tags: string[] = [], unanswered = false): AnswerPlan => ({
    kind: 'canned',
    text,
    tags,
    unanswered,
  });
  if (looksLikeInjection(input.question)) return canned(phrases.offTopic, ['injection_attempt']);
  if (input.tags.includes('human_requested')) return canned(phrases.humanHandoff);
  const persona = input.context.tenant.persona;
  const topic = refusedTopicIn(
    input.question,
    persona.refusedTopics,
    input.knowledgeLanguage,
    input.language,
  );
  if (topic) return canned(phrases.refusedTopic(topic), ['refused_topic']);
  const smallTalk = isSmallTalk(input.question, input.tags);
  if (smallTalk === 'greeting') {
    const visitor = (input.visitorContext ?? input.context.visitorContext)?.name?.split(/\s+/)[0];
    return canned(phrases.greeting(persona.assistantName, visitor));
  }
  if (smallTalk === 'thanks') return canned(phrases.thanks);
  return null;
}

/**
 * The texts retrieval may search for this question, in order: the question, then (for a short
 * follow-up) the customer's previous message with it. A caller with an embedder embeds them
 * in one call before opening its transaction.
 */
export function searchTexts(input: CannedInput): string[] {
  const previous = input.context.turns.filter((t) => t.role === 'visitor').at(-1);
  if (!previous || keywordStems(input.question, input.knowledgeLanguage, input.language).size > 1)
    return [input.question];
  return [input.question, `${previous.content} ${input.question}`];
}

/**
 * Searches with the message; a short follow-up ("and grand ones?") that finds nothing is
 * searched again together with the customer's previous message. Returns the question as it
 * was searched, which is what the passages must support.
 */
async function findPassages(
  input: PlanInput,
): Promise<{ question: EvidenceQuestion; passages: Passage[] }> {
  const asked = (text: string): EvidenceQuestion => ({
    text,
    knowledgeLanguage: input.knowledgeLanguage,
    messageLanguage: input.language,
  });
  const search = async (text: string) => ({
    question: asked(text),
    passages: (
      await retrievePassages(input.search, {
        text,
        knowledgeLanguage: input.knowledgeLanguage,
        messageLanguage: input.language,
        searchLanguage: input.context.tenant.language,
      })
    ).passages,
  });
  const [question, followUp] = searchTexts(input);
  const first = await search(question!);
  if (first.passages.length > 0 || !followUp) return first;
  return search(followUp);
}
