import { coverage, keywordStems, words } from '../text/keywords';
import type { Passage } from '../types';
import { CONFIDENT_VECTOR_SIMILARITY } from './relevance';

/**
 * Share of the question's topic words that the best document must contain before anything is
 * answered. Relevance (relevance.ts) only asks that the retrieved passages cover half of the
 * question words they know at all, so "Do you ship printed books to Canada?" passed on two
 * copyright passages that say "printed" and "books". Here every topic word of the question
 * counts, known to the knowledge base or not. Tuned with `pnpm eval:answers --tune` on the
 * development part of each evaluation set (never its held-out questions): the highest value that
 * keeps at least 95% of the answers today's engine got right. German joins words into compounds
 * ("Impfstoffentwicklung") that a question splits, so it shares fewer whole words.
 */
export const MIN_QUESTION_COVERAGE = 0.5;
const MIN_QUESTION_COVERAGE_BY_LANGUAGE: Record<string, number> = { de: 0.3 };

/** The coverage threshold for a knowledge base in `language` (ISO 639-1). */
export function minQuestionCoverage(language: string): number {
  return MIN_QUESTION_COVERAGE_BY_LANGUAGE[language] ?? MIN_QUESTION_COVERAGE;
}

/**
 * An FAQ entry answers the question it was written for: a visitor's question sharing no word
 * with it is about something else unless its answer covers the question strongly. Two shared
 * words with the entry's question are enough on their own (paraphrases say the rest
 * differently).
 */
const FAQ_QUESTION_WORDS_ALONE = 2;
/** Coverage at which an FAQ entry answers a question asked differently ("Do you accept cash?" under "How do I pay?"). */
const STRONG_COVERAGE = 2 / 3;
/**
 * How much more of the question a lower-ranked document must cover to be answered from instead
 * ("How are deposit refunds paid?": the refund policy, not the FAQ on paying). Ranking knows
 * better than a word count otherwise.
 */
const CLEARLY_MORE = 1 / 3;

export interface Evidence {
  /** Whether the passages support answering at all. */
  supported: boolean;
  /** Share of the question's topic words (names counting twice) in the best document's passages. */
  coverage: number;
  /** The passages of the document the answer comes from, in rank order. */
  passages: Passage[];
}

export interface EvidenceQuestion {
  text: string;
  knowledgeLanguage: string;
  messageLanguage: string;
}

/**
 * Judges whether the best document answers the question. The best document is the best-ranked
 * one, unless another covers clearly more of the question; its passages (title, heading and text together) must cover
 * `minCoverage` of the question's topic words (a name such as "Canada" weighing double),
 * unless vector search found it clearly close in meaning (a paraphrase shares few words).
 */
export function weighEvidence(
  question: EvidenceQuestion,
  passages: Passage[],
  minCoverage = minQuestionCoverage(question.knowledgeLanguage),
): Evidence {
  const stems = (text: string) =>
    keywordStems(text, question.knowledgeLanguage, question.messageLanguage);
  const wanted = stems(question.text);
  const documents = [...new Set(passages.map((p) => p.documentId))].map((documentId) => {
    const ofDocument = passages.filter((p) => p.documentId === documentId);
    const text = ofDocument.map((p) => `${p.title} ${p.heading ?? ''} ${p.content}`).join(' ');
    // A name the document lacks counts twice: it is what the question is about more often than not.
    const missing = missingNames(question, text);
    const have = stems(text);
    const shareOf = (found: number) => (found * wanted.size) / Math.max(1, wanted.size + missing);
    return {
      passages: ofDocument,
      share: shareOf(coverage(wanted, have)),
      exactShare: shareOf(coverage(wanted, have, { compounds: false })),
    };
  });
  // The best-ranked document, unless another covers clearly more of the question in whole
  // words: a compound match ("corona" in "coronavirus") supports an answer but is too loose to
  // overrule the ranking.
  const chosen = documents.reduce<(typeof documents)[number] | null>(
    (best, d) => (best && d.exactShare < best.exactShare + CLEARLY_MORE ? best : d),
    null,
  );
  const best = chosen?.passages[0];
  if (!chosen || !best) return { supported: false, coverage: 0, passages: [] };
  const share = chosen.share;
  const result = (supported: boolean) => ({
    supported,
    coverage: share,
    passages: chosen.passages,
  });
  if ((best.vectorScore ?? 0) >= CONFIDENT_VECTOR_SIMILARITY) return result(true);
  if (best.kind !== 'faq') return result(share >= minCoverage);
  const asked = [...stems(`${best.title} ${best.heading ?? ''}`)].filter((s) => wanted.has(s));
  return result(
    share >= STRONG_COVERAGE ||
      asked.length >= FAQ_QUESTION_WORDS_ALONE ||
      (asked.length > 0 && share >= minCoverage),
  );
}

/**
 * How many names of the question (a capitalised word that does not start a sentence, or a word
 * with a digit) the document lacks: "printed books" is not an answer about shipping them to
 * Canada. A name counts as found in a longer or inflected form ("Corona" in "coronavirus",
 * "Norges" for "Norge"); two letters ("CC", "GD") are too often an abbreviation the document
 * spells out. German capitalises every noun, so there names are not told apart.
 */
function missingNames(question: EvidenceQuestion, documentText: string): number {
  if (question.knowledgeLanguage === 'de' || question.messageLanguage === 'de') return 0;
  const names = (question.text.match(NAME) ?? []).flatMap(words).filter((w) => w.length > 2);
  if (names.length === 0) return 0;
  const known = words(documentText);
  return names.filter((name) => !known.some((word) => sameName(name, word))).length;
}

/** One is the other, or its start (at least four letters of it). */
function sameName(name: string, word: string): boolean {
  const [short, long] = name.length <= word.length ? [name, word] : [word, name];
  return short === long || (short.length >= 4 && long.startsWith(short));
}

const NAME =
  /(?<![.!?]\s+|^\s*|["“'‘(]\s*)\b(?:\p{Lu}[\p{L}\p{N}-]+|[\p{L}-]*\p{N}[\p{L}\p{N}-]*)/gu;
