import { phrasesFor } from '../language/phrases';
import { languageNameIn } from '../language/languages';
import { keywordStems } from '../text/keywords';
import { splitSentences } from '../text/sentences';
import type { ChatRequest, Passage } from '../types';

/** Sentences quoted from one passage at most. */
const MAX_SENTENCES = 3;
/** A quoted sentence longer than this is cut (PDF text sometimes has no full stops). */
const MAX_SENTENCE_CHARS = 400;
/** A second passage is quoted only when it scored nearly as well as the first. */
const SECOND_PASSAGE_SHARE = 0.6;
/** An FAQ answer matched by its question is quoted whole up to this length. */
const MAX_FAQ_ANSWER_CHARS = 600;
/** An FAQ answer up to this length is quoted as written (longer ones are shortened). */
const MAX_FAQ_AS_WRITTEN_CHARS = 1_200;

const YES_OR_NO =
  /^(yes|no|yep|sure|certainly|of course|absolutely|ja|nej|nei|nein|självklart|selvfølgelig|selvfølgeligt|natürlich)[.!,]?$/iu;

type AnswerInput = Pick<ChatRequest, 'question' | 'passages' | 'language' | 'knowledgeLanguage'>;

/** How answers are quoted; every rule is on in the product. */
export interface ExtractiveStyle {
  /** Quote only the best passage's document: no FAQ line or other story stitched on. */
  oneDocument: boolean;
  /** Leave out a passage's fragments: its start cut mid-sentence, its end cut off. */
  wholeSentences: boolean;
  /** Quote a short FAQ answer as written, its Markdown (bold, lists, links) intact. */
  faqAsWritten: boolean;
}

export const EXTRACTIVE_STYLE: ExtractiveStyle = {
  oneDocument: true,
  wholeSentences: true,
  faqAsWritten: true,
};

/** The answerer as it was before these rules: kept so `pnpm eval:answers` can compare. */
export const BASELINE_EXTRACTIVE_STYLE: ExtractiveStyle = {
  oneDocument: false,
  wholeSentences: false,
  faqAsWritten: false,
};

/**
 * Answers without a language model: the best passage (and a close second of the same
 * document), shortened to the sentences that share the most words with the question (at least
 * half as many as the best sentence), in their original order, each passage followed by its
 * citation. Passages are quoted in their own language; a customer writing in another one is
 * told which.
 */
export function composeExtractiveAnswer(
  input: AnswerInput,
  style: ExtractiveStyle = EXTRACTIVE_STYLE,
): string {
  const chosen = choosePassages(input.passages, style);
  if (chosen.length === 0) return phrasesFor(input.language).dontKnow;
  const wanted = keywordStems(input.question, input.knowledgeLanguage, input.language);
  const parts = chosen.map((p) => `${quote(p, wanted, input.knowledgeLanguage, style)} [${p.id}]`);
  if (input.language !== input.knowledgeLanguage) {
    const name = languageNameIn(input.knowledgeLanguage, input.language);
    parts.unshift(phrasesFor(input.language).quotedIn(name));
  }
  return parts.join('\n\n');
}

function choosePassages(passages: Passage[], style: ExtractiveStyle): Passage[] {
  const first = passages[0];
  if (!first) return [];
  const second = style.oneDocument
    ? passages.slice(1).find((p) => p.documentId === first.documentId)
    : passages[1];
  const close = second && second.score >= first.score * SECOND_PASSAGE_SHARE;
  return close ? [first, second] : [first];
}

function quote(
  passage: Passage,
  wanted: Set<string>,
  language: string,
  style: ExtractiveStyle,
): string {
  const faq = passage.kind === 'faq';
  if (style.faqAsWritten && faq && passage.content.length <= MAX_FAQ_AS_WRITTEN_CHARS)
    return passage.content.trim();
  const split = splitSentences(passage.content);
  const sentences = (style.wholeSentences ? wholeSentences(split) : split).map(capSentence);
  const scored = sentences.map((text, index) => ({
    text,
    index,
    score: [...keywordStems(text, language)].filter((stem) => wanted.has(stem)).length,
  }));
  const matching = scored.filter((s) => s.score > 0);
  if (matching.length === 0) {
    // Matched through its title (an FAQ question) or its meaning: the opening says what it is about.
    const whole = sentences.join(' ');
    if (passage.kind === 'faq' && whole.length <= MAX_FAQ_ANSWER_CHARS) return whole;
    return sentences.slice(0, 2).join(' ');
  }
  // Sentences sharing one word with a long question are not the answer when another shares five.
  const top = Math.max(...matching.map((s) => s.score));
  const best = matching
    .filter((s) => s.score >= Math.ceil(top / 2))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_SENTENCES);
  // A bare "Yes." or "No." opening an answer is the answer; keep it with what it qualifies.
  const opener = scored[0];
  if (opener && YES_OR_NO.test(opener.text) && !best.includes(opener)) best.push(opener);
  return best
    .sort((a, b) => a.index - b.index)
    .map((s) => s.text)
    .join(' ');
}

/**
 * A chunk of a long document may begin in the middle of a sentence ("who wrote a book…") and
 * end in the middle of another; those fragments are not quoted. A passage that is nothing but
 * one fragment is kept as it is.
 */
function wholeSentences(sentences: string[]): string[] {
  const whole = sentences.filter(
    (sentence, index) =>
      !(index === 0 && STARTS_MID_SENTENCE.test(sentence)) &&
      !(index === sentences.length - 1 && index > 0 && !ENDS_SENTENCE.test(sentence)),
  );
  return whole.length > 0 ? whole : sentences;
}

const STARTS_MID_SENTENCE = /^[\p{Ll},;:)\]]/u;
const ENDS_SENTENCE = /[.!?…:]["'”’)\]]*$/u;

function capSentence(sentence: string): string {
  if (sentence.length <= MAX_SENTENCE_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_SENTENCE_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : MAX_SENTENCE_CHARS)}…`;
}
