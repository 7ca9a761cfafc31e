// `pnpm bench` (chat part): time from a language model's first token to the first text the
// customer sees, with the output guard's real detectors (prompt leak, promises, "no answer")
// and a model streaming at a real model's pace. The in-process baseline is the same guard
// keeping a fixed 128-character window back, as it did before it learnt to release words.
// Figures are printed, not asserted.
import { promiseDetector } from '../guardrails/commitments';
import type { OutputDetector } from '../guardrails/detector';
import { leakDetector } from '../guardrails/leak-detector';
import { linkPolicy } from '../guardrails/link-policy';
import { noAnswerDetector } from '../guardrails/no-answer';
import { sanitizeMarkdown } from '../guardrails/sanitize-markdown';
import { buildPrompt } from '../prompt/build-prompt';
import { runModel, type GuardSetup } from '../engine/run-model';
import type { ChatDelta, ChatModel, ChatRequest } from '../types';

const TOKENS_PER_SECOND = 30;
const CHARS_PER_TOKEN = 4;
const BUDGET_MS = 100;
const OLD_WINDOW = 128;

/** Openings of real support answers, including ones that start like a promise or a copy. */
const ANSWERS = [
  'Yes, we move pianos [1]. Uprights cost $250 and grands $450 within the city [2].',
  'You can book a move online or by phone, and we confirm the date by email [1].',
  'We offer packing materials at cost: boxes are $3 each and tape is $2 a roll [1].',
  "I'm sorry, I could not find that in our documents. Would you like to ask a person?",
  'Cancelling more than 7 days ahead refunds the full deposit [1]; later, half of it.',
  'Vi flyttar pianon i hela Stockholm, och priset beror på trappor och avstånd [1].',
  'Our movers work Monday to Saturday, 7:00 to 19:00; Sundays cost 20% more [2].',
  'I confirm that storage is available for up to six months, billed monthly [1].',
  'Answer: the deposit is 10% of the quote and is due when you book [1].',
  'Du kan avboka gratis upp till sju dagar innan flytten [1].',
];

const canary = 'rl-canary-0f3a9c2e7b1d4a65';
const { systemPrompt, messages } = buildPrompt({
  tenantName: 'Northwind Movers',
  persona: { assistantName: 'Maja', tone: 'warm', refusedTopics: ['legal advice'] },
  language: 'en',
  passages: [],
  history: [],
  visitorContext: null,
  question: 'Do you move pianos?',
  canary,
  maxWords: 150,
});

const request: ChatRequest = {
  messages,
  question: 'Do you move pianos?',
  passages: [],
  language: 'en',
  knowledgeLanguage: 'en',
  maxOutputTokens: 400,
};

/** A language model that streams `text` in 4-character tokens at 30 tokens a second. */
function pacedModel(text: string, firstTokenAt: { ms: number }): ChatModel {
  return {
    name: 'paced',
    kind: 'language-model',
    async *stream(): AsyncIterable<ChatDelta> {
      for (let i = 0; i < text.length; i += CHARS_PER_TOKEN) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1000 / TOKENS_PER_SECOND));
        else firstTokenAt.ms = performance.now();
        yield { type: 'text', text: text.slice(i, i + CHARS_PER_TOKEN) };
      }
      yield { type: 'usage', usage: { inputTokens: 100, outputTokens: 20, model: 'paced' } };
    },
  };
}

/** What the engine's guard checks: this prompt's leak detector, promises, "no answer". */
function guardSetup(extra: OutputDetector[]): GuardSetup {
  const links = linkPolicy(['https://northwind.example'], []);
  return {
    sanitize: (segment) => sanitizeMarkdown(segment, { links, citationCount: 2 }),
    detectors: [
      leakDetector(systemPrompt, canary),
      promiseDetector(),
      noAnswerDetector(),
      ...extra,
    ],
  };
}

/** The old behaviour, for the baseline: everything in the last 128 characters stays back. */
const fixedWindow: OutputDetector = {
  kind: 'leak',
  scan: () => null,
  pending: (text) => Math.max(0, text.length - OLD_WINDOW),
};

async function firstVisibleDelay(text: string, extra: OutputDetector[]): Promise<number> {
  const firstTokenAt = { ms: 0 };
  const models = { primary: pacedModel(text, firstTokenAt), fallback: null };
  for await (const shown of runModel(models, request, guardSetup(extra))) {
    if (shown) return performance.now() - firstTokenAt.ms;
  }
  return performance.now() - firstTokenAt.ms;
}

async function measure(label: string, extra: OutputDetector[]) {
  const delays: number[] = [];
  for (const answer of ANSWERS) delays.push(await firstVisibleDelay(answer, extra));
  const sorted = [...delays].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
  const within = delays.filter((ms) => ms <= BUDGET_MS).length;
  console.log(
    `  ${label.padEnd(40)} p50 ${at(0.5).toFixed(0)} ms  p95 ${at(0.95).toFixed(0)} ms  within budget (<= ${BUDGET_MS} ms) ${within}/${delays.length}`,
  );
  return { p50: at(0.5), p95: at(0.95), within, count: delays.length };
}

console.log(
  `Chat: first visible token after the model's first, model streaming ${TOKENS_PER_SECOND} tokens/s (${ANSWERS.length} answers)`,
);
const guard = await measure('output guard, releasing words', []);
const baseline = await measure(`baseline: fixed ${OLD_WINDOW}-character window`, [fixedWindow]);
// The line `pnpm bench` gathers into its summary; judged on the p95 (the budget has no percentile).
console.log(
  `[budget] first visible token after the model's first: p50 ${guard.p50.toFixed(0)} ms, p95 ${guard.p95.toFixed(0)} ms, ${guard.within}/${guard.count} within (budget <= ${BUDGET_MS} ms) ${guard.p95 <= BUDGET_MS ? 'ok' : 'NOT MET'}; baseline fixed ${OLD_WINDOW}-character window p50 ${baseline.p50.toFixed(0)} ms, p95 ${baseline.p95.toFixed(0)} ms`,
);
