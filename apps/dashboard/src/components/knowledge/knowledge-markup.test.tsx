import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { faqFormatOf, importSummary } from './faq-import';
import { UploadRow } from './pdf-upload';
import { formatScore, PlaygroundAnswer } from './playground';

describe('the playground’s answer', () => {
  const result = {
    question: 'How much is a piano?',
    language: 'english',
    model: 'extractive',
    answer: 'Upright pianos are $250 within the city [1].',
    passages: [
      {
        n: 1,
        documentId: 'd1',
        documentTitle: 'Price list',
        documentKind: 'pdf' as const,
        page: 2,
        heading: null,
        content: 'Upright pianos are $250 and grand pianos $450 within the city.',
        score: 0.03279,
        lexicalScore: 0.5,
        vectorScore: null,
        cited: true,
        link: null,
      },
      {
        n: 2,
        documentId: 'd2',
        documentTitle: 'FAQ',
        documentKind: 'faq' as const,
        page: null,
        heading: 'Do you sell boxes?',
        content: 'Yes, a packing kit is $89.',
        score: 0.0161,
        lexicalScore: 0.1,
        vectorScore: null,
        cited: false,
        link: null,
      },
    ],
  };

  it('shows the answer and every passage with its score, marking the cited ones', () => {
    const html = renderToString(<PlaygroundAnswer result={result} />);
    expect(html).toMatch(
      /data-playground-answer=""[^>]*>Upright pianos are \$250 within the city \[1\]\./,
    );
    expect(
      [...html.matchAll(/data-passage-score="([^"]+)" data-cited="(\w+)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    ).toEqual([
      ['0.03279', 'true'],
      ['0.0161', 'false'],
    ]);
    expect(html).toContain('Price list · page 2');
    expect(html).toContain('0.033');
    expect(formatScore(null)).toBe('–');
  });

  it('says so when nothing matched', () => {
    const html = renderToString(<PlaygroundAnswer result={{ ...result, passages: [] }} />);
    expect(html).toContain('Nothing in your knowledge matched');
  });
});

describe('an upload in progress', () => {
  it('has a labelled progress bar with the percentage', () => {
    const html = renderToString(
      <UploadRow
        item={{
          id: 'a',
          name: 'Price list.pdf',
          size: 2_048,
          loaded: 1_024,
          phase: 'uploading',
          message: null,
          documentId: null,
        }}
      />,
    );
    expect(html).toMatch(/<progress max="100" value="50" aria-label="Uploading Price list.pdf">/);
  });
});

describe('FAQ import', () => {
  it('reads the format from the file name and sums up the result', () => {
    expect(faqFormatOf('faq.CSV')).toBe('csv');
    expect(faqFormatOf('faq.md')).toBe('markdown');
    expect(importSummary({ added: 4, duplicates: 0 })).toBe('Added 4 entries.');
    expect(importSummary({ added: 1, duplicates: 1 })).toBe('Added 1 entry; 1 was already there.');
  });
});
