/**
 * The plain BM25 baseline: a maintained in-memory BM25 library (wink-bm25-text-search, k1=1.2,
 * b=0.75, its default IDF smoothing k=1) over one text field per document, with wink-nlp-utils
 * for text preparation. FAQ documents are indexed as question + answer in that one field, text
 * documents as title + text: no field weights, no tuning.
 *
 * Text preparation:
 * - English: lower case -> tokenize -> remove punctuation -> remove stop words -> Porter2 stem.
 * - German, Swedish, Norwegian: lower case -> tokenize -> remove punctuation, nothing more. The
 *   library's stop-word list and Porter2 stemmer are English-only and it has none for these
 *   languages; run on them, the stop list would delete real words (Norwegian/Swedish "i" = "in")
 *   while missing the actual function words, and English suffix rules would cut inflections at
 *   random. Either way the baseline would be measuring an accident instead of plain BM25. IDF
 *   already discounts frequent function words.
 * - Tokens come from `string.tokenize` (wink-nlp's tokenizer), not `string.tokenize0`: the latter
 *   splits on the ASCII-only `\W`, breaking words at every ä, ö, å, ø or ß ("Ärzte" -> "rzte").
 */
import { createRequire } from 'node:module';
import type { EvalDocument, EvalSet } from './datasets';
import type { RetrievalSystem } from './types';

/** The parts of wink-bm25-text-search used here (the package ships no type declarations). */
interface WinkBm25Engine {
  defineConfig(config: {
    fldWeights: Record<string, number>;
    bm25Params?: { k1?: number; b?: number; k?: number };
  }): boolean;
  definePrepTasks(tasks: PrepTask[], field?: string): number;
  addDoc(doc: Record<string, string>, id: string): number;
  consolidate(precision?: number): boolean;
  search(text: string, limit?: number): [string, number][];
}

/** The parts of wink-nlp-utils used here. */
interface WinkNlpUtils {
  string: {
    lowerCase(text: string): string;
    tokenize(text: string, detailed: true): { value: string; tag: string }[];
    removePunctuations(text: string): string;
  };
  tokens: {
    removeWords(tokens: string[]): string[];
    stem(tokens: string[]): string[];
  };
}

// Both packages are CommonJS without type declarations: load them through `createRequire` and
// describe the parts we call, rather than adding ambient module declarations to the package.
const requireCjs = createRequire(import.meta.url);
const createWinkBm25 = requireCjs('wink-bm25-text-search') as () => WinkBm25Engine;
const nlp = requireCjs('wink-nlp-utils') as WinkNlpUtils;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wink pipelines pass strings, then token arrays
type PrepTask = (input: any) => any;

export const BM25_PARAMS = { k1: 1.2, b: 0.75 } as const;

/** Token types from the tokenizer that are never search terms. */
const NON_WORD_TAGS = new Set(['punctuation', 'symbol', 'tabCRLF', 'emoji', 'emoticon']);
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const tokenizeWords = (text: string): string[] =>
  nlp.string
    .tokenize(text, true)
    .filter((t) => !NON_WORD_TAGS.has(t.tag))
    .map((t) => t.value);

/** Removes punctuation inside tokens too ("covid-19" -> "covid", "19") and drops what is left empty. */
const removePunctuation = (tokens: string[]): string[] =>
  tokens
    .flatMap((t) => nlp.string.removePunctuations(t).split(/\s+/))
    .filter((t) => HAS_LETTER_OR_DIGIT.test(t));

/** The text preparation for a language (see the file comment). */
export function prepTasksFor(language: EvalSet['language']): PrepTask[] {
  const common: PrepTask[] = [nlp.string.lowerCase, tokenizeWords, removePunctuation];
  return language === 'english' ? [...common, nlp.tokens.removeWords, nlp.tokens.stem] : common;
}

/** Runs a language's preparation on one text (for tests and debugging). */
export function prepareText(text: string, language: EvalSet['language']): string[] {
  return prepTasksFor(language).reduce<unknown>((value, task) => task(value), text) as string[];
}

/** The one text field the baseline indexes for a document. */
export function documentText(doc: EvalDocument): string {
  const parts = doc.kind === 'faq' ? [doc.question, doc.answer] : [doc.title, doc.text];
  return parts.filter((p): p is string => Boolean(p && p.trim())).join('\n');
}

export function createBm25Baseline(): RetrievalSystem {
  let engine: WinkBm25Engine | null = null;
  return {
    name: 'baseline: BM25 (wink)',
    async index(set: EvalSet): Promise<void> {
      // The library refuses to consolidate fewer than three documents.
      if (set.documents.length < 3) {
        throw new Error(
          `The BM25 baseline needs at least 3 documents, set ${set.name} has ${set.documents.length}`,
        );
      }
      const next = createWinkBm25();
      next.defineConfig({ fldWeights: { body: 1 }, bm25Params: { ...BM25_PARAMS, k: 1 } });
      next.definePrepTasks(prepTasksFor(set.language));
      for (const doc of set.documents) next.addDoc({ body: documentText(doc) }, doc.id);
      next.consolidate();
      engine = next;
    },
    async search(query: string, k: number): Promise<string[]> {
      if (!engine) throw new Error('The BM25 baseline has no index: call index(set) first');
      return engine.search(query, k).map(([id]) => id);
    },
  };
}
