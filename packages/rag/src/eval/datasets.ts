/**
 * Loaders that turn the public evaluation data (see the README in the data folder) into one
 * uniform retrieval task per set: documents to index, queries, and the relevant document ids.
 *
 * The data is read at run time from the shared folder next to the repo (or `EVAL_DIR`); it is
 * never copied into the repo. Documents with identical text are stored once, and every query
 * that pointed at a dropped duplicate points at the kept copy instead. Queries with the same
 * normalised text are merged into one query whose relevant ids are the union.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseRecords } from './csv';
import { evalDirExists, readEvalEnv } from './env';

export interface EvalDocument {
  id: string;
  kind: 'faq' | 'text';
  question?: string;
  answer?: string;
  title?: string;
  text?: string;
}

export interface EvalQuery {
  id: string;
  text: string;
  relevantIds: string[];
}

export interface EvalSet {
  name: string;
  language: 'english' | 'german' | 'swedish' | 'norwegian';
  documents: EvalDocument[];
  queries: EvalQuery[];
  /** How the set was built from its source files (for reports; not needed to evaluate). */
  stats?: EvalSetStats;
}

export interface EvalSetStats {
  /** Source records the documents came from (FAQ entries, threads, contexts). */
  sourceDocuments: number;
  /** Documents dropped because another document has exactly the same text. */
  duplicateDocuments: number;
  /** Queries in the source before merging and sampling. */
  sourceQueries: number;
  /** Queries dropped as unusable (empty or placeholder text). */
  skippedQueries: number;
  /** Queries merged into another with the same normalised text. */
  mergedQueries: number;
  /** Paraphrase sets: positive pairs in the similarity file. */
  positivePairs?: number;
  /** Paraphrase sets: positive pairs whose FAQ question is not in the FAQ file (dropped). */
  unmatchedPairs?: number;
  /** Queries before `maxQueries` sampling. */
  queriesBeforeSampling: number;
}

export const EVAL_SET_NAMES = [
  'stackfaq',
  'covid-en-paraphrase',
  'covid-de-paraphrase',
  'covid-en-qa',
  'covid-de-qa',
  'covid-sv-qa',
  'norquad',
] as const;

export type EvalSetName = (typeof EVAL_SET_NAMES)[number];

/** Source files, relative to the evaluation data folder. */
export const EVAL_FILES = {
  stackfaq: 'faq/stackfaq/stackExchange-FAQ.json',
  covidFaq: 'faq/covid-faq/faq_200327.tsv',
  covidSimilarity: (lang: 'en' | 'de') => `faq/covid-faq/eval_question_similarity_${lang}.csv`,
  norquad: 'qa/norquad/test_dataset_flattened.json',
} as const;

export class EvalDataMissingError extends Error {
  constructor(readonly dir: string) {
    super(
      `The evaluation data folder ${dir} does not exist (put the shared data next to the repo, or set EVAL_DIR).`,
    );
    this.name = 'EvalDataMissingError';
  }
}

export interface LoadEvalSetsOptions {
  /**
   * Keep at most this many queries per set, spread evenly over the set (every n-th query, in
   * source order) so a quick run still covers the whole collection. Documents are never sampled.
   */
  maxQueries?: number;
  /** Load only these sets (names from `EVAL_SET_NAMES`), in this order. */
  only?: string[];
  /** The data folder; defaults to the `EVAL_DIR` setting or the shared folder next to the repo. */
  dir?: string;
}

/** The data folder the loaders read, and whether it is there. */
export function evalDataLocation(): { dir: string; exists: boolean; fromEnv: boolean } {
  const { evalDir, fromEnv } = readEvalEnv();
  return { dir: evalDir, exists: evalDirExists(evalDir), fromEnv };
}

export async function loadEvalSets(options: LoadEvalSetsOptions = {}): Promise<EvalSet[]> {
  const dir = options.dir ?? evalDataLocation().dir;
  if (!evalDirExists(dir)) throw new EvalDataMissingError(dir);
  if (
    options.maxQueries !== undefined &&
    !(Number.isInteger(options.maxQueries) && options.maxQueries > 0)
  ) {
    throw new Error(`maxQueries must be a positive integer, got ${options.maxQueries}`);
  }
  const names = selectSetNames(options.only);
  const files = new SourceFiles(dir);
  const sets: EvalSet[] = [];
  for (const name of names) {
    const set = await loadSet(name, files);
    validateEvalSet(set);
    sets.push(options.maxQueries === undefined ? set : sampleQueries(set, options.maxQueries));
  }
  return sets;
}

function selectSetNames(only: string[] | undefined): EvalSetName[] {
  if (!only || only.length === 0) return [...EVAL_SET_NAMES];
  const unknown = only.filter((n) => !(EVAL_SET_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown evaluation set(s): ${unknown.join(', ')}. Known: ${EVAL_SET_NAMES.join(', ')}`,
    );
  }
  return [...new Set(only)] as EvalSetName[];
}

async function loadSet(name: EvalSetName, files: SourceFiles): Promise<EvalSet> {
  switch (name) {
    case 'stackfaq':
      return buildStackFaq(await files.json(EVAL_FILES.stackfaq));
    case 'covid-en-paraphrase':
      return buildCovidParaphrase('en', await files.covidFaq(), await files.covidSimilarity('en'));
    case 'covid-de-paraphrase':
      return buildCovidParaphrase('de', await files.covidFaq(), await files.covidSimilarity('de'));
    case 'covid-en-qa':
      return buildCovidQa('en', await files.covidFaq());
    case 'covid-de-qa':
      return buildCovidQa('de', await files.covidFaq());
    case 'covid-sv-qa':
      return buildCovidQa('sv', await files.covidFaq());
    case 'norquad':
      return buildNorquad(await files.json(EVAL_FILES.norquad));
  }
}

/** Reads each source file once per `loadEvalSets` call. */
class SourceFiles {
  private readonly cache = new Map<string, Promise<unknown>>();
  constructor(private readonly dir: string) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.cache.set(key, hit);
    }
    return hit;
  }

  private text(relativePath: string): Promise<string> {
    const path = join(this.dir, relativePath);
    return readFile(path, 'utf8').catch((error: unknown) => {
      throw new Error(
        `Cannot read evaluation file ${relativePath} in ${this.dir}: ${String(error)}`,
      );
    });
  }

  json(relativePath: string): Promise<unknown> {
    return this.once(
      relativePath,
      async () => JSON.parse(await this.text(relativePath)) as unknown,
    );
  }

  covidFaq(): Promise<CovidFaqEntry[]> {
    return this.once('covid-faq', async () =>
      parseRecords(
        await this.text(EVAL_FILES.covidFaq),
        '\t',
        ['question', 'answer', 'lang'],
        EVAL_FILES.covidFaq,
      ).map((r, row) => ({
        row,
        question: r.question ?? '',
        answer: r.answer ?? '',
        lang: (r.lang ?? '').trim(),
      })),
    );
  }

  covidSimilarity(lang: 'en' | 'de'): Promise<SimilarityPair[]> {
    const path = EVAL_FILES.covidSimilarity(lang);
    return this.once(path, async () =>
      parseRecords(await this.text(path), ',', ['question_1', 'question_2', 'similar'], path).map(
        (r, row) => ({
          row,
          question1: r.question_1 ?? '',
          question2: r.question_2 ?? '',
          similar: (r.similar ?? '').trim(),
        }),
      ),
    );
  }
}

export interface CovidFaqEntry {
  /** 0-based data row in the TSV (stable across runs; used in ids). */
  row: number;
  question: string;
  answer: string;
  lang: string;
}

export interface SimilarityPair {
  row: number;
  question1: string;
  question2: string;
  similar: string;
}

/**
 * For matching questions across files and merging duplicate queries: Unicode NFKC, lower case,
 * typographic quotes as ASCII, whitespace collapsed.
 */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u02bc\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds a set: documents deduplicated by exact text, queries merged by normalised text. */
class SetBuilder {
  private readonly documents: EvalDocument[] = [];
  private readonly byText = new Map<string, string>();
  private readonly queries = new Map<string, EvalQuery>();
  sourceDocuments = 0;
  sourceQueries = 0;
  skippedQueries = 0;
  mergedQueries = 0;

  /** Adds a document unless one with the same text exists; returns the id of the kept one. */
  addDocument(doc: EvalDocument): string {
    this.sourceDocuments += 1;
    const key =
      doc.kind === 'faq'
        ? `${doc.question ?? ''}\n\n${doc.answer ?? ''}`
        : `${doc.title ?? ''}\n\n${doc.text ?? ''}`;
    const kept = this.byText.get(key);
    if (kept !== undefined) return kept;
    this.byText.set(key, doc.id);
    this.documents.push(doc);
    return doc.id;
  }

  addQuery(id: string, text: string, relevantIds: string[]): void {
    this.sourceQueries += 1;
    const trimmed = text.trim();
    const key = normalizeQuestion(trimmed);
    const existing = this.queries.get(key);
    if (existing) {
      this.mergedQueries += 1;
      for (const r of relevantIds)
        if (!existing.relevantIds.includes(r)) existing.relevantIds.push(r);
      return;
    }
    this.queries.set(key, { id, text: trimmed, relevantIds: [...new Set(relevantIds)] });
  }

  skipQuery(): void {
    this.sourceQueries += 1;
    this.skippedQueries += 1;
  }

  build(name: string, language: EvalSet['language'], extra: Partial<EvalSetStats> = {}): EvalSet {
    const queries = [...this.queries.values()];
    return {
      name,
      language,
      documents: this.documents,
      queries,
      stats: {
        sourceDocuments: this.sourceDocuments,
        duplicateDocuments: this.sourceDocuments - this.documents.length,
        sourceQueries: this.sourceQueries,
        skippedQueries: this.skippedQueries,
        mergedQueries: this.mergedQueries,
        queriesBeforeSampling: queries.length,
        ...extra,
      },
    };
  }
}

// --- StackFAQ: paraphrase -> FAQ thread -------------------------------------------------------

const stackFaqSchema = z.object({
  root: z.object({
    qapair: z.array(
      z.object({
        question: z.string(),
        answer: z.union([z.string(), z.array(z.string())]),
        rephr: z.array(z.string().nullable()),
      }),
    ),
  }),
});

/** Placeholder entries in `rephr[]` (a lone `*`, empty or null) are not queries. */
function isPlaceholder(text: string | null): text is null {
  return text === null || text.trim() === '' || text.trim() === '*';
}

export function buildStackFaq(raw: unknown): EvalSet {
  const data = parseSource(stackFaqSchema, raw, EVAL_FILES.stackfaq);
  const b = new SetBuilder();
  data.root.qapair.forEach((thread, i) => {
    const answer = (Array.isArray(thread.answer) ? thread.answer : [thread.answer])
      .map((a) => a.trim())
      .filter(Boolean)
      .join('\n\n');
    const docId = b.addDocument({
      id: `stackfaq:doc${i}`,
      kind: 'faq',
      question: thread.question.trim(),
      answer,
    });
    thread.rephr.forEach((paraphrase, j) => {
      if (isPlaceholder(paraphrase)) b.skipQuery();
      else b.addQuery(`stackfaq:q${i}.${j}`, paraphrase, [docId]);
    });
  });
  return b.build('stackfaq', 'english');
}

// --- COVID FAQ ----------------------------------------------------------------------------------

const COVID_LANGUAGES = { en: 'english', de: 'german', sv: 'swedish' } as const;

function covidEntries(all: CovidFaqEntry[], lang: keyof typeof COVID_LANGUAGES): CovidFaqEntry[] {
  return all.filter((e) => e.lang === lang && e.question.trim() !== '' && e.answer.trim() !== '');
}

/**
 * Paraphrase -> FAQ entry. In the similarity files `question_1` is the FAQ question and
 * `question_2` the user's paraphrase; the side that matches an FAQ question (after
 * `normalizeQuestion`) is taken as the target, so a swapped pair would still work. Pairs whose
 * FAQ question is not in this FAQ snapshot are dropped and counted as `unmatchedPairs`.
 */
export function buildCovidParaphrase(
  lang: 'en' | 'de',
  faq: CovidFaqEntry[],
  pairs: SimilarityPair[],
): EvalSet {
  const name = `covid-${lang}-paraphrase`;
  const b = new SetBuilder();
  const byQuestion = new Map<string, string[]>();
  for (const e of covidEntries(faq, lang)) {
    const id = b.addDocument({
      id: `${name}:doc${e.row}`,
      kind: 'faq',
      question: e.question.trim(),
      answer: e.answer.trim(),
    });
    const key = normalizeQuestion(e.question);
    const ids = byQuestion.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byQuestion.set(key, ids);
  }
  const positives = pairs.filter((p) => p.similar === '1');
  let unmatched = 0;
  for (const p of positives) {
    const target1 = byQuestion.get(normalizeQuestion(p.question1));
    const target2 = byQuestion.get(normalizeQuestion(p.question2));
    const [query, relevant] = target1
      ? [p.question2, target1]
      : target2
        ? [p.question1, target2]
        : [null, null];
    if (query === null || query.trim() === '') {
      unmatched += 1;
      continue;
    }
    b.addQuery(`${name}:q${p.row}`, query, relevant);
  }
  return b.build(name, COVID_LANGUAGES[lang], {
    positivePairs: positives.length,
    unmatchedPairs: unmatched,
  });
}

/** Question -> answer passage: the answers are plain text documents, the FAQ questions the queries. */
export function buildCovidQa(lang: keyof typeof COVID_LANGUAGES, faq: CovidFaqEntry[]): EvalSet {
  const name = `covid-${lang}-qa`;
  const b = new SetBuilder();
  for (const e of covidEntries(faq, lang)) {
    const id = b.addDocument({ id: `${name}:doc${e.row}`, kind: 'text', text: e.answer.trim() });
    b.addQuery(`${name}:q${e.row}`, e.question, [id]);
  }
  return b.build(name, COVID_LANGUAGES[lang]);
}

// --- NorQuAD: question -> context -------------------------------------------------------------

const norquadSchema = z.object({
  data: z.array(
    z.object({
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(z.object({ question: z.string() })),
        }),
      ),
    }),
  ),
});

export function buildNorquad(raw: unknown): EvalSet {
  const data = parseSource(norquadSchema, raw, EVAL_FILES.norquad);
  const b = new SetBuilder();
  let paragraph = 0;
  let question = 0;
  for (const article of data.data) {
    for (const p of article.paragraphs) {
      const docId = b.addDocument({
        id: `norquad:doc${paragraph}`,
        kind: 'text',
        text: p.context.trim(),
      });
      paragraph += 1;
      for (const qa of p.qas) {
        if (qa.question.trim() === '') b.skipQuery();
        else b.addQuery(`norquad:q${question}`, qa.question, [docId]);
        question += 1;
      }
    }
  }
  return b.build('norquad', 'norwegian');
}

// --- helpers ---------------------------------------------------------------------------------

function parseSource<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`${what} does not have the expected format:\n${problems.join('\n')}`);
}

/** Keeps `max` queries spread evenly over the set (every n-th, in source order). */
export function sampleQueries(set: EvalSet, max: number): EvalSet {
  const n = set.queries.length;
  if (n <= max) return set;
  const queries = Array.from(
    { length: max },
    (_, i) => set.queries[Math.floor((i * n) / max)] as EvalQuery,
  );
  return { ...set, queries };
}

/** Throws when a set is internally inconsistent (duplicate ids, dangling relevant ids, empty parts). */
export function validateEvalSet(set: EvalSet): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const d of set.documents) {
    if (ids.has(d.id)) problems.push(`duplicate document id ${d.id}`);
    ids.add(d.id);
    const body =
      d.kind === 'faq' ? `${d.question ?? ''}${d.answer ?? ''}` : `${d.title ?? ''}${d.text ?? ''}`;
    if (body.trim() === '') problems.push(`document ${d.id} is empty`);
  }
  const queryIds = new Set<string>();
  for (const q of set.queries) {
    if (queryIds.has(q.id)) problems.push(`duplicate query id ${q.id}`);
    queryIds.add(q.id);
    if (q.text.trim() === '') problems.push(`query ${q.id} is empty`);
    if (q.relevantIds.length === 0) problems.push(`query ${q.id} has no relevant document`);
    for (const r of q.relevantIds)
      if (!ids.has(r)) problems.push(`query ${q.id} points at unknown document ${r}`);
  }
  if (set.documents.length === 0) problems.push('no documents');
  if (set.queries.length === 0) problems.push('no queries');
  if (problems.length > 0) {
    throw new Error(
      `Evaluation set ${set.name} is inconsistent:\n  ${problems.slice(0, 10).join('\n  ')}`,
    );
  }
}
