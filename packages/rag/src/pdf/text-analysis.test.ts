import { describe, expect, it } from 'vitest';

import {
  cleanLine,
  cleanTitle,
  findHeadings,
  layoutPage,
  pageText,
  weightedMedian,
} from './text-layout.mjs';
import {
  assessText,
  countWordChars,
  MIN_PLAUSIBLE_WORD_SHARE,
  plausibleWordShare,
} from './text-quality.mjs';

interface ItemOptions {
  height?: number;
  width?: number;
  eol?: boolean;
  /** Text direction: 0 = left to right, 90 = bottom to top. */
  angle?: 0 | 90;
}

/** A pdf.js text item: `str` at (x, y), font size `height`, ~0.5 em per character. */
function item(str: string, x: number, y: number, options: ItemOptions = {}) {
  const { height = 10, width = str.length * height * 0.5, eol = false, angle = 0 } = options;
  const transform = angle === 0 ? [height, 0, 0, height, x, y] : [0, height, -height, 0, x, y];
  return { str, dir: 'ltr', width, height, transform, fontName: 'f1', hasEOL: eol };
}

const textOf = (items: ReturnType<typeof item>[]) => pageText(layoutPage(items).lines);

describe('layoutPage', () => {
  it('ends lines where pdf.js marks them, and where the baseline moves', () => {
    expect(textOf([item('First line', 72, 700, { eol: true }), item('second line', 72, 688)])).toBe(
      'First line\nsecond line',
    );
    expect(textOf([item('First line', 72, 700), item('second line', 72, 688)])).toBe(
      'First line\nsecond line',
    );
    // pdf.js also marks line ends with empty items.
    expect(
      textOf([
        item('One', 72, 700),
        item('', 72, 688, { eol: true, width: 0 }),
        item('two', 72, 688),
      ]),
    ).toBe('One\ntwo');
  });

  it('joins items of one line with a space only where there is a gap', () => {
    const items = [
      item('Refund', 72, 700),
      item('s', 102, 700),
      item('policy', 120, 700),
      item(' now', 150, 700),
    ];
    expect(textOf(items)).toBe('Refunds policy now');
  });

  it('keeps sub- and superscripts on their line', () => {
    expect(
      textOf([
        item('E = mc', 72, 700),
        item('2', 102, 704, { height: 6 }),
        item(' holds', 106, 700),
      ]),
    ).toBe('E = mc2 holds');
  });

  it('leaves an empty line between paragraphs', () => {
    const items = [
      item('End of one paragraph.', 72, 700, { eol: true }),
      item('Start of the next.', 72, 660),
    ];
    expect(textOf(items)).toBe('End of one paragraph.\n\nStart of the next.');
  });

  it('follows rotated text', () => {
    const items = [
      item('Going', 100, 100, { angle: 90 }),
      item('up', 100, 130, { angle: 90 }),
      item('Next column', 115, 100, { angle: 90 }),
    ];
    expect(textOf(items)).toBe('Going up\nNext column');
  });

  it('drops control characters and collapses whitespace', () => {
    const items = [
      item('\u0000Tab\there,\u0007  bell\u00a0and\u200b nul\u0000', 72, 700),
      item('  ', 200, 700),
    ];
    expect(textOf(items)).toBe('Tab here, bell and nul');
    expect(cleanLine('broken \ud800surrogate\ufffd')).toBe('broken surrogate');
    expect(textOf([item('\u0001\u0002', 72, 700)])).toBe('');
  });

  it('skips marked-content entries', () => {
    const items = [
      { type: 'beginMarkedContent' },
      item('Visible', 72, 700),
      { type: 'endMarkedContent' },
    ];
    expect(textOf(items as ReturnType<typeof item>[])).toBe('Visible');
  });
});

describe('findHeadings', () => {
  const body = (count: number, y0: number) =>
    Array.from({ length: count }, (_, index) =>
      item('Body text of the page, long enough to set the median size.', 72, y0 - index * 12, {
        eol: true,
      }),
    );

  it('finds short lines set clearly larger than the body text', () => {
    const layout = layoutPage([
      item('Returns and refunds', 72, 750, { height: 18, eol: true }),
      ...body(10, 720),
      item('Shipping', 72, 560, { height: 14, eol: true }),
      ...body(5, 540),
      item('Slightly larger line, not a heading', 72, 470, { height: 12 }),
    ]);
    expect(findHeadings(layout, 10)).toEqual(['Returns and refunds', 'Shipping']);
  });

  it('joins a heading set over two lines, and skips long or letterless lines', () => {
    const layout = layoutPage([
      item('Chapter Two:', 72, 750, { height: 20, eol: true }),
      item('Mere Copyists', 72, 725, { height: 20, eol: true }),
      item('2024', 72, 700, { height: 20, eol: true }),
      item('x'.repeat(130), 72, 675, { height: 20, eol: true }),
      ...body(30, 640),
    ]);
    expect(findHeadings(layout, 10)).toEqual(['Chapter Two: Mere Copyists']);
  });

  it('does not call large type headings when it is much of the page (table cells)', () => {
    const cells = Array.from({ length: 40 }, (_, index) =>
      item(`Band ${index}`, 72 + (index % 4) * 100, 700 - Math.floor(index / 4) * 20, {
        height: 8,
        eol: true,
      }),
    );
    const times = Array.from({ length: 100 }, (_, index) =>
      item(`${10 + index}:00`, 20, 700 - index * 6, { height: 5, eol: true }),
    );
    const layout = layoutPage([
      item('Festival Timetable', 72, 780, { height: 12, eol: true }),
      ...times,
      ...cells,
    ]);
    expect(findHeadings(layout, 5)).toEqual(['Festival Timetable']);
  });

  it('measures a nearly empty page against the document body size', () => {
    const layout = layoutPage([item('INTRODUCTION', 72, 700, { height: 18 })]);
    expect(findHeadings(layout, 10)).toEqual(['INTRODUCTION']);
    expect(findHeadings(layout, 0)).toEqual([]);
  });

  it('weightedMedian weighs sizes by characters', () => {
    expect(
      weightedMedian(
        new Map([
          [10, 500],
          [18, 20],
          [8, 30],
        ]),
      ),
    ).toBe(10);
    expect(weightedMedian(new Map())).toBe(0);
  });
});

describe('cleanTitle', () => {
  it('keeps a real title and drops empty ones', () => {
    expect(cleanTitle('  Free\u0000 Culture ')).toBe('Free Culture');
    expect(cleanTitle('   ')).toBeNull();
    expect(cleanTitle(undefined)).toBeNull();
    expect(cleanTitle(42)).toBeNull();
    expect(cleanTitle('t'.repeat(1000))).toHaveLength(300);
  });
});

describe('text quality', () => {
  const prose =
    'Refunds are issued within 14 days of the return. Contact McGowan at support@example.com or ' +
    'visit https://example.com/help. The U.S. office uses PayPal and the getUserById API, W-2 forms and 2nd-day shipping. ';
  const garbage =
    "Hanorosas:tAeKnapai...IVIs:tno Hanory, ynnal.IVIBaeMoMy B CBS'I3VI C npVIMeHeHVIeMynpo~eHHOH CVICTeMbl " +
    'HoMep KoppeKn1pOBKH H8norosbiH nepHOA (KoA) 0T48THbiH rO,[I npe,[ICT8BflH8TCH B H8nOrOBbiH opr8H (KOA) ';

  it('scores prose near 1 and OCR garbage far below the threshold', () => {
    expect(plausibleWordShare(prose.repeat(5)).share).toBeGreaterThan(0.95);
    expect(plausibleWordShare(garbage.repeat(5)).share).toBeLessThan(
      MIN_PLAUSIBLE_WORD_SHARE - 0.15,
    );
  });

  it('does not judge scripts without letter case', () => {
    expect(plausibleWordShare('退款 将在 十四天 内 发放'.repeat(10)).share).toBe(1);
  });

  it('counts word characters up to a cap', () => {
    expect(countWordChars('a1 b2 -- !!')).toBe(4);
    expect(countWordChars('x'.repeat(10_000), 20)).toBe(20);
  });

  it('gives a verdict per document', () => {
    expect(assessText(prose.repeat(3), false)).toBe('ok');
    expect(assessText('12 ', false)).toBe('empty');
    expect(assessText(garbage.repeat(3), false)).toBe('garbage');
    expect(assessText(`${prose} ${garbage.repeat(3)}`, false)).toBe('garbage');
    expect(assessText(`${prose.repeat(6)} ${garbage}`, false)).toBe('ok');
    const placeholder =
      'Please wait...\nIf this message is not eventually replaced by the proper contents of the document, your PDF\n' +
      'viewer may not be able to display this type of document.';
    expect(assessText(placeholder, true)).toBe('xfa');
    expect(assessText(placeholder, false)).toBe('ok');
    expect(assessText(`Please wait while we check your order. ${prose.repeat(40)}`, true)).toBe(
      'ok',
    );
  });
});
