import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCovidParaphrase,
  buildCovidQa,
  buildNorquad,
  buildStackFaq,
  EVAL_SET_NAMES,
  EvalDataMissingError,
  loadEvalSets,
  normalizeQuestion,
  sampleQueries,
  validateEvalSet,
  type CovidFaqEntry,
  type EvalSet,
} from './datasets';
import { defaultEvalDir, readEvalEnv } from './env';
import { evalDataForTests } from './testing';

const data = evalDataForTests('datasets.test.ts (public data sets)');

function expectConsistent(set: EvalSet): void {
  const ids = new Set(set.documents.map((d) => d.id));
  expect(ids.size).toBe(set.documents.length);
  for (const q of set.queries) {
    expect(q.text.trim()).not.toBe('');
    expect(q.relevantIds.length).toBeGreaterThan(0);
    for (const r of q.relevantIds) expect(ids.has(r), `${q.id} -> ${r}`).toBe(true);
  }
  expect(new Set(set.queries.map((q) => q.id)).size).toBe(set.queries.length);
  // Documents are deduplicated by exact text.
  const texts = set.documents.map((d) => JSON.stringify([d.question, d.answer, d.title, d.text]));
  expect(new Set(texts).size).toBe(texts.length);
}

describe.skipIf(!data.exists)('public evaluation sets', () => {
  let sets: Map<string, EvalSet>;
  beforeAll(async () => {
    sets = new Map((await loadEvalSets()).map((s) => [s.name, s]));
  });
  const get = (name: string): EvalSet => {
    const set = sets.get(name);
    if (!set) throw new Error(`set ${name} not loaded`);
    return set;
  };

  it('loads every set, each internally consistent', () => {
    expect([...sets.keys()]).toEqual([...EVAL_SET_NAMES]);
    for (const set of sets.values()) {
      expectConsistent(set);
      console.log(
        `${set.name}: ${set.documents.length} documents, ${set.queries.length} queries`,
        set.stats?.unmatchedPairs === undefined
          ? ''
          : `(${set.stats.unmatchedPairs} unmatched pairs dropped)`,
      );
    }
  });

  it('StackFAQ: 125 FAQ threads, 1,249 paraphrases (placeholders skipped)', () => {
    const set = get('stackfaq');
    expect(set.language).toBe('english');
    expect(set.documents).toHaveLength(125);
    expect(set.queries).toHaveLength(1249);
    for (const d of set.documents) {
      expect(d.kind).toBe('faq');
      expect(d.question?.trim()).toBeTruthy();
      expect(d.answer?.trim()).toBeTruthy();
    }
    expect(set.queries.some((q) => q.text === '*')).toBe(false);
    // Every thread has paraphrases pointing at it.
    expect(new Set(set.queries.flatMap((q) => q.relevantIds)).size).toBe(125);
  });

  it('COVID paraphrase sets: user questions mapped onto FAQ entries, unmatched pairs counted', () => {
    for (const [name, language, positives] of [
      ['covid-en-paraphrase', 'english', 244],
      ['covid-de-paraphrase', 'german', 312],
    ] as const) {
      const set = get(name);
      const stats = set.stats;
      expect(set.language).toBe(language);
      expect(stats?.positivePairs).toBe(positives);
      // Most pairs match an FAQ question of this snapshot; the rest are dropped and counted.
      expect(stats?.unmatchedPairs).toBeGreaterThan(0);
      expect(stats?.unmatchedPairs).toBeLessThan(positives / 2);
      expect(set.queries.length + (stats?.mergedQueries ?? 0) + (stats?.unmatchedPairs ?? 0)).toBe(
        positives,
      );
      expect(set.queries.length).toBeGreaterThan(150);
      for (const d of set.documents) expect(d.kind).toBe('faq');
      // A query is the paraphrase, not the FAQ question itself.
      const faqQuestions = new Set(set.documents.map((d) => normalizeQuestion(d.question ?? '')));
      const verbatim = set.queries.filter((q) =>
        faqQuestions.has(normalizeQuestion(q.text)),
      ).length;
      expect(verbatim).toBeLessThan(set.queries.length / 10);
    }
    expect(get('covid-en-paraphrase').documents.length).toBeLessThanOrEqual(224);
    expect(get('covid-de-paraphrase').documents.length).toBeLessThanOrEqual(399);
  });

  it('COVID QA sets: answers as text documents, questions as queries', () => {
    for (const [name, language, entries] of [
      ['covid-en-qa', 'english', 224],
      ['covid-de-qa', 'german', 399],
      ['covid-sv-qa', 'swedish', 64],
    ] as const) {
      const set = get(name);
      expect(set.language).toBe(language);
      expect(set.stats?.sourceDocuments).toBe(entries);
      expect(set.documents.length).toBeGreaterThan(entries * 0.9);
      for (const d of set.documents) {
        expect(d.kind).toBe('text');
        expect(d.title).toBeUndefined();
        expect(d.text?.trim()).toBeTruthy();
      }
    }
    const sv = get('covid-sv-qa');
    expect(sv.documents).toHaveLength(64);
    expect(sv.queries).toHaveLength(64);
  });

  it('NorQuAD: 472 Norwegian questions over 199 unique contexts', () => {
    const set = get('norquad');
    expect(set.language).toBe('norwegian');
    expect(set.queries).toHaveLength(472);
    expect(set.documents).toHaveLength(199);
    expect(set.documents.every((d) => d.kind === 'text' && (d.text?.length ?? 0) > 200)).toBe(true);
  });

  it('loads only the named sets and samples queries evenly, keeping every document', async () => {
    const [stack] = await loadEvalSets({ only: ['stackfaq'], maxQueries: 50 });
    expect(stack?.name).toBe('stackfaq');
    expect(stack?.documents).toHaveLength(125);
    expect(stack?.queries).toHaveLength(50);
    // Spread over the collection, not the first few threads.
    expect(new Set(stack?.queries.flatMap((q) => q.relevantIds)).size).toBeGreaterThan(40);
  });
});

describe('loaders on hand-made data', () => {
  const entry = (row: number, lang: string, question: string, answer: string): CovidFaqEntry => ({
    row,
    lang,
    question,
    answer,
  });
  const faq = [
    entry(0, 'en', 'What is COVID-19?', 'A disease caused by a coronavirus.'),
    entry(1, 'en', 'How is it spread?', 'Mostly through droplets.'),
    entry(2, 'en', 'How is it spread?', 'Mostly through droplets.'), // exact duplicate entry
    entry(3, 'en', 'What  is covid-19?', 'An illness; see the other answer.'), // same question, other answer
    entry(4, 'en', 'Can my child’s school close?', 'Yes, schools may close.'),
    entry(5, 'de', 'Was ist COVID-19?', 'Eine Krankheit.'),
  ];

  it('paraphrase sets: finds the FAQ side, dedupes documents and counts unmatched pairs', () => {
    const set = buildCovidParaphrase('en', faq, [
      {
        row: 0,
        question1: 'what is covid-19?',
        question2: 'What is the new disease?',
        similar: '1',
      },
      {
        row: 1,
        question1: 'Where does it come from?',
        question2: 'How is it spread?',
        similar: '1',
      }, // swapped sides
      {
        row: 2,
        question1: "Can my child's school close?",
        question2: 'Will schools shut?',
        similar: '1',
      }, // quote variant
      { row: 3, question1: 'Not in the FAQ?', question2: 'Some paraphrase', similar: '1' }, // unmatched
      { row: 4, question1: 'What is COVID-19?', question2: 'Is it raining?', similar: '0' }, // negative: ignored
    ]);
    validateEvalSet(set);
    expect(set.documents.map((d) => d.id)).toEqual([
      'covid-en-paraphrase:doc0',
      'covid-en-paraphrase:doc1',
      'covid-en-paraphrase:doc3',
      'covid-en-paraphrase:doc4',
    ]);
    expect(set.queries).toEqual([
      {
        id: 'covid-en-paraphrase:q0',
        text: 'What is the new disease?',
        relevantIds: ['covid-en-paraphrase:doc0', 'covid-en-paraphrase:doc3'],
      },
      {
        id: 'covid-en-paraphrase:q1',
        text: 'Where does it come from?',
        relevantIds: ['covid-en-paraphrase:doc1'],
      },
      {
        id: 'covid-en-paraphrase:q2',
        text: 'Will schools shut?',
        relevantIds: ['covid-en-paraphrase:doc4'],
      },
    ]);
    expect(set.stats).toMatchObject({ positivePairs: 4, unmatchedPairs: 1, duplicateDocuments: 1 });
  });

  it('QA sets: one text document per distinct answer, duplicate questions merged', () => {
    const set = buildCovidQa('en', faq);
    validateEvalSet(set);
    expect(set.documents).toHaveLength(4);
    const spread = set.queries.find((q) => q.text === 'How is it spread?');
    expect(spread?.relevantIds).toEqual(['covid-en-qa:doc1']);
    const what = set.queries.find((q) => q.text === 'What is COVID-19?');
    expect(what?.relevantIds).toEqual(['covid-en-qa:doc0', 'covid-en-qa:doc3']);
    expect(set.queries).toHaveLength(3);
    expect(buildCovidQa('de', faq).language).toBe('german');
  });

  it('StackFAQ: joins answers, skips placeholder paraphrases, accepts a single-string answer', () => {
    const set = buildStackFaq({
      root: {
        qapair: [
          { question: 'Q1', answer: ['first', 'second'], rephr: ['p1', '*', null, ' '] },
          { question: 'Q2', answer: 'only one', rephr: ['p2'] },
        ],
      },
    });
    expect(set.documents[0]).toEqual({
      id: 'stackfaq:doc0',
      kind: 'faq',
      question: 'Q1',
      answer: 'first\n\nsecond',
    });
    expect(set.documents[1]?.answer).toBe('only one');
    expect(set.queries.map((q) => q.text)).toEqual(['p1', 'p2']);
    expect(set.stats?.skippedQueries).toBe(3);
    expect(() => buildStackFaq({ root: { pairs: [] } })).toThrow(/expected format/);
  });

  it('NorQuAD: one document per distinct context', () => {
    const set = buildNorquad({
      data: [
        { paragraphs: [{ context: 'Kontekst A', qas: [{ question: 'Spørsmål 1?' }] }] },
        { paragraphs: [{ context: 'Kontekst A', qas: [{ question: 'Spørsmål 2?' }] }] },
        { paragraphs: [{ context: 'Kontekst B', qas: [{ question: 'Spørsmål 3?' }] }] },
      ],
    });
    expect(set.documents.map((d) => d.id)).toEqual(['norquad:doc0', 'norquad:doc2']);
    expect(set.queries.map((q) => q.relevantIds[0])).toEqual([
      'norquad:doc0',
      'norquad:doc0',
      'norquad:doc2',
    ]);
  });

  it('sampleQueries keeps an even spread', () => {
    const set = buildStackFaq({
      root: {
        qapair: Array.from({ length: 10 }, (_, i) => ({
          question: `Q${i}`,
          answer: 'a',
          rephr: [`p${i}`],
        })),
      },
    });
    expect(sampleQueries(set, 5).queries.map((q) => q.text)).toEqual([
      'p0',
      'p2',
      'p4',
      'p6',
      'p8',
    ]);
    expect(sampleQueries(set, 50)).toBe(set);
  });
});

describe('data location', () => {
  let empty: string;
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'eval-empty-'));
  });
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('defaults to the shared folder next to the repo, EVAL_DIR overrides it', () => {
    expect(defaultEvalDir.replaceAll('\\', '/')).toMatch(/\/shared\/eval\/$/);
    expect(readEvalEnv({}).evalDir).toBe(defaultEvalDir);
    expect(readEvalEnv({ EVAL_DIR: '' }).fromEnv).toBe(false);
    expect(readEvalEnv({ EVAL_DIR: empty })).toEqual({ evalDir: empty, fromEnv: true });
  });

  it('reports a missing folder with a typed error, and unknown set names', async () => {
    await expect(loadEvalSets({ dir: join(empty, 'absent') })).rejects.toBeInstanceOf(
      EvalDataMissingError,
    );
    await expect(loadEvalSets({ dir: empty, only: ['nope'] })).rejects.toThrow(
      /Unknown evaluation set/,
    );
    await expect(loadEvalSets({ dir: empty, only: ['stackfaq'] })).rejects.toThrow(
      /Cannot read evaluation file/,
    );
  });
});
