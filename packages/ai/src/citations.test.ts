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
    expect(sourcesFor('B [2], A [1].', [passage(1), passage(2), passage(3)])).toEqual([
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
});
