// Packages that compile this file from source (the API, e2e) need the ambient types too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/stopword.d.ts" />
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { dan, deu, eng, nob, swe } from 'stopword';

const STEMMERS: Record<string, (word: string) => string> = {
  en: english,
  sv: swedish,
  no: norwegian,
  da: danish,
  de: german,
};

const STOPWORDS: Record<string, string[]> = { en: eng, sv: swe, no: nob, da: dan, de: deu };

/** Chat filler that carries no topic: a passage sharing only these words is not an answer. */
const CHAT_FILLER = [
  ...'please hi hello hey thanks thank tell know want wondering question much many need does do can could would you your yours i me my we us our get one ones thing things'.split(
    ' ',
  ),
  ...'hej tack snälla vill undrar fråga kan ni er hei takk vær så snill lurer spørsmål dere gerne bitte hallo danke frage möchte'.split(
    ' ',
  ),
];

const FILLER = new Set(CHAT_FILLER);

/** Lowercased words (letters and digits; hyphenated parts split). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The words of a text that carry its topic, stemmed with the knowledge base's language so
 * "pianos" meets "piano" and "flyttar" meets "flytt". Stop words of both the message's and
 * the knowledge base's language are dropped.
 */
export function keywordStems(
  text: string,
  knowledgeLanguage: string,
  messageLanguage = knowledgeLanguage,
) {
  const stem = STEMMERS[knowledgeLanguage] ?? ((word: string) => word);
  const stop = new Set([
    ...(STOPWORDS[knowledgeLanguage] ?? []),
    ...(STOPWORDS[messageLanguage] ?? []),
  ]);
  const stems = new Set<string>();
  for (const word of words(text)) {
    if (stop.has(word) || FILLER.has(word)) continue;
    if (word.length < 2 && !/\d/.test(word)) continue;
    stems.add(stem(word));
  }
  return stems;
}

/**
 * Share of `wanted` found in `have` (0 when nothing is wanted). A stem also counts as found as
 * the start or end of a longer word: a question writes "corona virus" where the text has
 * "coronavirus", and German splits or joins compounds ("Impfstoff" in "Impfstoffentwicklung").
 */
export function coverage(
  wanted: Set<string>,
  have: Set<string>,
  { compounds = true }: { compounds?: boolean } = {},
): number {
  if (wanted.size === 0) return 0;
  let found = 0;
  for (const stem of wanted) {
    if (have.has(stem) || (compounds && isCompoundPart(stem, have))) found += 1;
  }
  return found / wanted.size;
}

/** Shortest stem that counts inside a compound: shorter ones ("car" in "careful") are chance. */
const MIN_COMPOUND_PART = 4;
/** What the rest of the compound must add: "vaccine" is an inflection of "vaccin", not a compound. */
const MIN_COMPOUND_REST = 3;

function isCompoundPart(stem: string, have: Set<string>): boolean {
  if (stem.length < MIN_COMPOUND_PART || /\d/.test(stem)) return false;
  for (const word of have) {
    if (word.length < stem.length + MIN_COMPOUND_REST) continue;
    if (word.startsWith(stem) || word.endsWith(stem)) return true;
  }
  return false;
}
