import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const body = (csv: string) => csv.replace(/^\uFEFF/, '');

describe('CSV export', () => {
  it('quotes every cell, doubles quotes and keeps commas and line breaks inside the cell', () => {
    const csv = toCsv(['a', 'b'], [['She said "hi", then left', 'line one\nline two']]);
    expect(body(csv)).toBe('"a","b"\r\n"She said ""hi"", then left","line one\nline two"\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const csv = toCsv(
      ['x'],
      [['=HYPERLINK("http://evil.example","click")'], ['+1+2'], ['-2+3'], ['@SUM(A1)'], ['\t=1']],
    );
    expect(body(csv).split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
      `"'+1+2"`,
      `"'-2+3"`,
      `"'@SUM(A1)"`,
      `"'\t=1"`,
    ]);
  });

  it('writes numbers, dates and empty values plainly and starts with a byte-order mark', () => {
    const csv = toCsv(['n', 'when', 'none'], [[-1, new Date('2026-01-02T03:04:05.000Z'), null]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(body(csv).split('\r\n')[1]).toBe('"-1","2026-01-02T03:04:05.000Z",""');
  });
});
