import { describe, expect, it } from 'vitest';
import { createBm25Baseline, documentText, prepareText } from './baseline';
import { loadEvalSets, type EvalSet } from './datasets';
import { evaluate } from './evaluate';
import { evalDataForTests } from './testing';

const data = evalDataForTests('baseline.test.ts (StackFAQ run)');

const englishFaq: EvalSet = {
  name: 'hand-made-en',
  language: 'english',
  documents: [
    {
      id: 'refund',
      kind: 'faq',
      question: 'How do I get a refund?',
      answer: 'Refunds are paid within 14 days of cancelling your order.',
    },
    {
      id: 'password',
      kind: 'faq',
      question: 'I forgot my password',
      answer: 'Use the "reset password" link on the sign-in page.',
    },
    {
      id: 'shipping',
      kind: 'faq',
      question: 'How long does shipping take?',
      answer: 'Parcels are delivered in 2 to 4 working days.',
    },
    {
      id: 'invoice',
      kind: 'faq',
      question: 'Where can I download invoices?',
      answer: 'Invoices are under Billing in your account settings.',
    },
    {
      id: 'pets',
      kind: 'text',
      title: 'Moving with pets',
      text: 'Our movers can transport cats and dogs in ventilated crates.',
    },
  ],
  queries: [],
};

const germanText: EvalSet = {
  name: 'hand-made-de',
  language: 'german',
  documents: [
    { id: 'aerzte', kind: 'text', text: 'Ärzte und Pflegekräfte tragen einen Mund-Nasen-Schutz.' },
    { id: 'schule', kind: 'text', text: 'Die Schulen bleiben bis zu den Osterferien geschlossen.' },
    { id: 'reise', kind: 'text', text: 'Reisen in Risikogebiete sollten verschoben werden.' },
  ],
  queries: [],
};

describe('BM25 baseline on hand-made sets', () => {
  it('ranks the obviously right FAQ first', async () => {
    const bm25 = createBm25Baseline();
    await bm25.index(englishFaq);
    expect((await bm25.search('I want my money back, how do refunds work?', 3))[0]).toBe('refund');
    expect((await bm25.search('resetting a forgotten password', 3))[0]).toBe('password');
    expect((await bm25.search('When will my parcel be delivered?', 3))[0]).toBe('shipping');
    expect((await bm25.search('download an invoice', 3))[0]).toBe('invoice');
    expect((await bm25.search('can you move my dog?', 3))[0]).toBe('pets');
    expect(await bm25.search('zzz qqq', 3)).toEqual([]);
    expect((await bm25.search('invoices refund shipping password', 2)).length).toBe(2);
  });

  it('keeps non-ASCII letters inside words for other languages', async () => {
    expect(prepareText('Wie schützen sich Ärzte?', 'german')).toEqual([
      'wie',
      'schützen',
      'sich',
      'ärzte',
    ]);
    expect(prepareText('Hvordan får jeg øl på Bærum?', 'norwegian')).toContain('bærum');
    const bm25 = createBm25Baseline();
    await bm25.index(germanText);
    expect((await bm25.search('Was tragen Ärzte?', 3))[0]).toBe('aerzte');
    expect((await bm25.search('Wann öffnen die Schulen?', 3))[0]).toBe('schule');
  });

  it('stems and drops stop words for English only', () => {
    expect(prepareText('How do I cancel the orders?', 'english')).toEqual(['cancel', 'order']);
    expect(prepareText('Die Orders', 'german')).toEqual(['die', 'orders']);
  });

  it('indexes FAQ question and answer as one text', () => {
    expect(documentText(englishFaq.documents[0]!)).toBe(
      'How do I get a refund?\nRefunds are paid within 14 days of cancelling your order.',
    );
    expect(documentText(englishFaq.documents[4]!)).toBe(
      'Moving with pets\nOur movers can transport cats and dogs in ventilated crates.',
    );
  });

  it('refuses to search before indexing and to index fewer than three documents', async () => {
    const bm25 = createBm25Baseline();
    await expect(bm25.search('x', 1)).rejects.toThrow(/index/);
    await expect(
      bm25.index({ ...germanText, documents: germanText.documents.slice(0, 2) }),
    ).rejects.toThrow(/at least 3/);
  });
});

describe.skipIf(!data.exists)('BM25 baseline on StackFAQ', () => {
  it('reaches a sane Recall@5 on 200 paraphrases', async () => {
    const [stackfaq] = await loadEvalSets({ only: ['stackfaq'], maxQueries: 200 });
    if (!stackfaq) throw new Error('stackfaq not loaded');
    const summary = await evaluate(createBm25Baseline(), stackfaq);
    console.log(
      `BM25 baseline, StackFAQ (200 queries): Recall@1 ${summary.recall1.toFixed(3)}, Recall@5 ${summary.recall5.toFixed(3)}, ` +
        `Recall@10 ${summary.recall10.toFixed(3)}, MRR ${summary.mrr.toFixed(3)}, p50 ${summary.p50Ms.toFixed(2)} ms`,
    );
    expect(summary.queries).toBe(200);
    // Published BM25 on StackFAQ is around nDCG@10 0.8; a broken index or tokenizer lands far lower.
    expect(summary.recall5).toBeGreaterThan(0.75);
    expect(summary.recall5).toBeLessThan(1);
    expect(summary.recall1).toBeLessThanOrEqual(summary.recall5);
    expect(summary.recall5).toBeLessThanOrEqual(summary.recall10);
  });
});
