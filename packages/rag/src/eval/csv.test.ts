import { describe, expect, it } from 'vitest';
import { parseDelimited, parseRecords } from './csv';

describe('parseDelimited', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\nlines"\r\nplain,,end\n';
    expect(parseDelimited(text, ',')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['plain', '', 'end'],
    ]);
  });

  it('treats a quote inside an unquoted field as a character, and reads TSV', () => {
    expect(parseDelimited('q\tan "inch" mark\n', '\t')).toEqual([['q', 'an "inch" mark']]);
    expect(parseDelimited('\ufeffh1\th2\nv1\tv2', '\t')).toEqual([
      ['h1', 'h2'],
      ['v1', 'v2'],
    ]);
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => parseDelimited('"open,field\n', ',')).toThrow(/never closed/);
  });
});

describe('parseRecords', () => {
  it('maps rows onto the header and checks required columns', () => {
    expect(parseRecords('q,a\n1,2\n', ',', ['q'], 'test')).toEqual([{ q: '1', a: '2' }]);
    expect(() => parseRecords('q,a\n1,2\n', ',', ['lang'], 'test')).toThrow(/missing column/);
    expect(() => parseRecords('q,a\n1,2,3\n', ',', [], 'test')).toThrow(/3 fields/);
  });
});
