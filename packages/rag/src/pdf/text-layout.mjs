// Turns pdf.js text items into page text and headings. Plain JavaScript because the PDF worker
// (pdf-worker.mjs) imports it; pure functions, unit-tested on synthetic items.

// Heading detection: a line is a heading when its font is at least this much larger than the
// page's body text (the character-weighted median item height) and it is short.
const HEADING_MIN_SCALE = 1.3;
const HEADING_MAX_CHARS = 120;
const MAX_HEADINGS_PER_PAGE = 50;
// Share of a page's characters that headings may take at most (see findHeadings).
const HEADING_MAX_SHARE = 0.15;
// A page with less text than this (a title page, a chapter opener) takes its body size from the
// whole document instead, or its single big line would count as "body".
const MIN_BODY_CHARS_ON_PAGE = 200;
const MAX_TITLE_CHARS = 300;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b\ufeff\ufffd]/g;
const ANY_SPACE = /\s+/g;

/** @param {string} text */
export function cleanLine(text) {
  return text
    .toWellFormed()
    .replace(ANY_SPACE, ' ')
    .replace(CONTROL_CHARS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** @param {Map<number, number>} histogram height -> characters */
export function weightedMedian(histogram) {
  let total = 0;
  for (const chars of histogram.values()) total += chars;
  if (total === 0) return 0;
  let seen = 0;
  for (const height of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += /** @type {number} */ (histogram.get(height));
    if (seen * 2 >= total) return height;
  }
  return 0;
}

/**
 * @typedef {{ text: string; height: number; gapBefore: boolean }} Line
 * @typedef {{ lines: Line[]; histogram: Map<number, number>; chars: number }} PageLayout
 */

/**
 * Joins pdf.js text items (content-stream order, which is reading order for almost every
 * producer) into lines. A line ends where pdf.js says so (hasEOL), where the writing direction
 * changes, or where the next item sits more than half a line off the current baseline; a jump of
 * more than 1.8 lines leaves an empty line (paragraph). Items on one line are joined with a space
 * when there is a visible gap between them and neither side brings its own space.
 * @param {Array<Record<string, any>>} items
 * @returns {PageLayout}
 */
export function layoutPage(items) {
  /** @type {Line[]} */
  const lines = [];
  /** @type {Map<number, number>} */
  const histogram = new Map();
  let chars = 0;
  /** @type {string[]} */
  let parts = [];
  let lineHeight = 0;
  let gapBefore = false;
  let pendingBreak = false;
  /** @type {{ x: number; y: number; ux: number; uy: number; width: number; height: number; eol: boolean } | null} */
  let prev = null;

  const endLine = () => {
    const text = cleanLine(parts.join(''));
    if (text) lines.push({ text, height: lineHeight, gapBefore: gapBefore && lines.length > 0 });
    parts = [];
    lineHeight = 0;
    gapBefore = false;
  };

  for (const item of items) {
    if (typeof item.str !== 'string' || !Array.isArray(item.transform)) continue; // marked content
    const str = item.str;
    if (str === '') {
      if (item.hasEOL) pendingBreak = true;
      continue;
    }
    const [a, b, c, d, x, y] = /** @type {number[]} */ (item.transform);
    const scale = Math.hypot(a, b) || 1;
    const ux = a / scale;
    const uy = b / scale;
    const height = item.height > 0 ? item.height : Math.hypot(c, d);
    const width = Number.isFinite(item.width) ? item.width : 0;

    let newLine = pendingBreak;
    let paragraph = false;
    let gap = 0;
    if (prev) {
      // Measured against the larger of the two sizes, so sub- and superscripts stay on their line.
      const ref = Math.max(height, prev.height, 1e-3);
      const sameDirection = ux * prev.ux + uy * prev.uy > 0.99;
      const vx = x - prev.x;
      const vy = y - prev.y;
      const offLine = Math.abs(-vx * uy + vy * ux); // distance across the writing direction
      gap = vx * ux + vy * uy - prev.width; // distance along it, after the previous item
      if (prev.eol || !sameDirection || offLine > 0.5 * ref) newLine = true;
      paragraph = sameDirection && offLine > 1.8 * Math.max(height, prev.height);
    }
    pendingBreak = false;

    if (newLine) {
      endLine();
      gapBefore = paragraph;
    } else if (
      prev &&
      parts.length > 0 &&
      gap > 0.2 * height &&
      !/\s$/.test(/** @type {string} */ (parts.at(-1))) &&
      !/^\s/.test(str)
    ) {
      parts.push(' ');
    }

    parts.push(str);
    const visible = str.replace(ANY_SPACE, '').length;
    if (visible > 0) {
      lineHeight = Math.max(lineHeight, height);
      const key = Math.round(height * 10) / 10;
      histogram.set(key, (histogram.get(key) ?? 0) + visible);
      chars += visible;
    }
    prev = { x, y, ux, uy, width, height, eol: item.hasEOL === true };
  }
  endLine();
  return { lines, histogram, chars };
}

/** @param {Line[]} lines */
export function pageText(lines) {
  return lines.map((line) => (line.gapBefore ? `\n${line.text}` : line.text)).join('\n');
}

/**
 * @param {PageLayout} layout
 * @param {number} docBody
 */
export function findHeadings(layout, docBody) {
  const ownBody = layout.chars >= MIN_BODY_CHARS_ON_PAGE || docBody <= 0;
  const body = ownBody ? weightedMedian(layout.histogram) : docBody;
  if (body <= 0) return [];
  const minHeight = HEADING_MIN_SCALE * body;
  const isCandidate = (/** @type {Line} */ line) =>
    line.height >= minHeight && /\p{L}/u.test(line.text);

  // Headings are a small part of a page. Where large type is a big share of it (a timetable
  // whose band names are set larger than its times), only the largest sizes, up to that share,
  // count as headings.
  /** @type {Map<number, number>} */
  const charsBySize = new Map();
  for (const line of layout.lines) {
    if (isCandidate(line)) {
      charsBySize.set(line.height, (charsBySize.get(line.height) ?? 0) + line.text.length);
    }
  }
  const sizes = new Set();
  let headingChars = 0;
  for (const size of [...charsBySize.keys()].sort((a, b) => b - a)) {
    headingChars += /** @type {number} */ (charsBySize.get(size));
    if (ownBody && headingChars > HEADING_MAX_SHARE * layout.chars) break;
    sizes.add(size);
  }

  /** @type {{ text: string; height: number; index: number }[]} */
  const found = [];
  layout.lines.forEach((line, index) => {
    if (!sizes.has(line.height) || !isCandidate(line)) return;
    const last = found.at(-1);
    // A heading set over two lines ("CHAPTER TWO:" / "Mere Copyists"): join them.
    if (
      last &&
      last.index === index - 1 &&
      Math.abs(last.height - line.height) <= 0.1 * line.height &&
      last.text.length + 1 + line.text.length < HEADING_MAX_CHARS
    ) {
      last.text = `${last.text} ${line.text}`;
      last.index = index;
      return;
    }
    found.push({ text: line.text, height: line.height, index });
  });
  const headings = [];
  for (const { text } of found) {
    if (text.length >= 2 && text.length < HEADING_MAX_CHARS && !headings.includes(text)) {
      headings.push(text);
      if (headings.length >= MAX_HEADINGS_PER_PAGE) break;
    }
  }
  return headings;
}

/** @param {unknown} value */
export function cleanTitle(value) {
  if (typeof value !== 'string') return null;
  const title = cleanLine(value).slice(0, MAX_TITLE_CHARS);
  return title === '' ? null : title;
}
