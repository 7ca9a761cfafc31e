import { describe, expect, it } from 'vitest';
import { IngestionError } from '../errors';
import { parseFaqCsv, parseFaqMarkdown } from './faq-import';

describe('FAQ import from CSV', () => {
  it('reads question and answer columns by header, in any order, with quoted commas and line breaks', () => {
    const csv =
      '\uFEFFid,answer,question\n1,"Yes, by card\nor invoice.",Can I pay later?\n2,No.,Do you sell gift cards?\n';
    expect(parseFaqCsv(csv)).toEqual([
      { question: 'Can I pay later?', answer: 'Yes, by card\nor invoice.' },
      { question: 'Do you sell gift cards?', answer: 'No.' },
    ]);
  });

  it('takes Swedish or Norwegian headers and semicolons', () => {
    expect(parseFaqCsv('Fråga;Svar\nFlyttar ni pianon?;Ja, från 2 500 kr.\n')).toEqual([
      { question: 'Flyttar ni pianon?', answer: 'Ja, från 2 500 kr.' },
    ]);
    expect(parseFaqCsv('spørsmål,svar\nÅpner dere lørdag?,Ja.\n')).toEqual([
      { question: 'Åpner dere lørdag?', answer: 'Ja.' },
    ]);
  });

  it('uses the first two columns when there is no header', () => {
    expect(parseFaqCsv('What are your hours?,Nine to five.\n')).toEqual([
      { question: 'What are your hours?', answer: 'Nine to five.' },
    ]);
  });

  it('names the row of an invalid entry', () => {
    expect(() =>
      parseFaqCsv('question,answer\nGood question?,Good answer.\nAnother one?,\n'),
    ).toThrow('row 3: an answer cannot be empty.');
  });

  it('refuses an empty file and unreadable CSV', () => {
    expect(() => parseFaqCsv('')).toThrow(IngestionError);
    expect(() => parseFaqCsv('question,answer\n"unterminated,quote\n')).toThrow(
      /The CSV could not be read/,
    );
  });
});

describe('FAQ import from Markdown', () => {
  it('reads each "## question" with the text below it as the answer', () => {
    const md =
      '# Our FAQ\n\n## Do you deliver on Sundays?\nNo, Monday to Saturday.\n\n## Can I return an item?\nWithin 30 days.\n- unused\n';
    expect(parseFaqMarkdown(md)).toEqual([
      { question: 'Do you deliver on Sundays?', answer: 'No, Monday to Saturday.' },
      { question: 'Can I return an item?', answer: 'Within 30 days.\n- unused' },
    ]);
  });

  it('explains the expected format when there are no questions', () => {
    expect(() => parseFaqMarkdown('Just a paragraph.')).toThrow(/"## Question" heading/);
  });
});
