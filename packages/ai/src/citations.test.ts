import { describe, expect, it } from 'vitest';
import { citedIds, sourcesFor } from './citations';
import type { Passage } from './types';

const passage = (id: number): Passage => ({
  id,
  chunkId: `chunk-${id}`,
  documentId: `doc-${id}`,
  title: `Doc ${id}`,
  kind: 'pdf',
  page: id * 10,
  heading: null,
  content: '…',
  score: 1 / id,
});

describe('citations', () => {
  it('maps cited ids back to document and page, in order of first mention', () => {
    expect(citedIds('B [2], A [1], again [2], bogus [9]')).toEqual([2, 1, 9]);
    expect(sourcesFor('B [2], A [1].', [passage(1), passage(2), passage(3)])).toMatchObject([
      {
        n: 2,
        chunkId: 'chunk-2',
        documentId: 'doc-2',
        title: 'Doc 2',
        page: 20,
        heading: null,
        score: 0.5,
      },
      {
        n: 1,
        chunkId: 'chunk-1',
        documentId: 'doc-1',
        title: 'Doc 1',
        page: 10,
        heading: null,
        score: 1,
      },
    ]);
  });
  it('lists the given passages when the answer cites none of them', () => {
    expect(sourcesFor('No citations [7].', [passage(1)]).map((s) => s.documentId)).toEqual([
      'doc-1',
    ]);
    expect(sourcesFor('Anything', [])).toEqual([]);
  });
  it('lists the same document and page once', () => {
    const samePage = { ...passage(2), documentId: 'doc-1', page: 10 };
    const otherPage = { ...passage(3), documentId: 'doc-1', page: 11 };
    const sources = sourcesFor('A [1], B [2], C [3].', [passage(1), samePage, otherPage]);
    expect(sources.map((s) => [s.documentId, s.page])).toEqual([
      ['doc-1', 10],
      ['doc-1', 11],
    ]);
    const uncited = sourcesFor('No citations.', [passage(1), samePage]);
    expect(uncited.map((s) => s.n)).toEqual([1]);
  });
  it('says how to open each source: a web page at the quoted sentence, an FAQ in place, a PDF page', () => {
    const web = {
      ...passage(1),
      kind: 'markdown' as const,
      sourceUrl: 'https://movers.example/prices#top',
      content: 'Prices in 2027. A piano move costs 250 euros within the city. Call us.',
    };
    const faq = {
      ...passage(2),
      kind: 'faq' as const,
      title: 'Do you move pianos?',
      content: 'Yes.\n\n1. **Upright**: 250 EUR',
    };
    const pdf = {
      ...passage(3),
      content: 'Chapter one. The Buried Moon is an English fairy tale retold by Joseph Jacobs.',
    };
    const answer =
      'A piano move costs 250 euros within the city [1]. Yes [2]. The Buried Moon is an English fairy tale retold by Joseph Jacobs [3].';
    const [webSource, faqSource, pdfSource] = sourcesFor(answer, [web, faq, pdf]);
    expect(webSource).toMatchObject({
      kind: 'web',
      quote: 'A piano move costs 250 euros within the city.',
      url: 'https://movers.example/prices#:~:text=A%20piano%20move%20costs%20250%20euros%20within%20the%20city.',
    });
    expect(faqSource).toMatchObject({
      kind: 'faq',
      url: null,
      answer: 'Yes.\n\n1. **Upright**: 250 EUR',
    });
    expect(pdfSource).toMatchObject({
      kind: 'pdf',
      page: 30,
      quote: 'The Buried Moon is an English fairy tale retold by Joseph Jacobs.',
    });
    expect(pdfSource).not.toHaveProperty('answer');
  });
  it('lists an FAQ entry cited twice once', () => {
    const faq = { ...passage(1), kind: 'faq' as const, page: null };
    const again = { ...faq, id: 2, chunkId: 'chunk-1' };
    expect(sourcesFor('A [1], B [2].', [faq, again])).toHaveLength(1);
  });
});
