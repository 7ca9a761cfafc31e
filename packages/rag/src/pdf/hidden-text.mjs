// Text a reader of the page cannot see: drawn invisibly (text render mode 3 or 7), in the
// colour of what lies beneath it (white on the white page, black on a black box), or outside
// the page. pdf.js extracts it like any other text (a scanned page's recognised text is
// drawn invisibly on purpose), so a PDF can carry instructions that only the answer engine
// would read. It is dropped before indexing. Plain JavaScript: the PDF worker imports it.
//
// pdf.js's text content knows nothing of render mode or colour; its operator list does. Both
// come from the same content stream in the same order, so the operator list's glyphs give a
// mask (hidden or not per character), which is laid over the text items by their characters.

/** Render modes that paint nothing: 3 (neither fill nor stroke) and 7 (clip only). */
const INVISIBLE_MODES = new Set([3, 7]);
/** Modes that only stroke: their colour is the stroke colour. */
const STROKE_MODES = new Set([1, 5]);
/** Fill and stroke: visible if either colour is. */
const FILL_AND_STROKE_MODES = new Set([2, 6]);
/** Colours this close on every channel (0-255) cannot be told apart on screen or paper. */
const INDISTINCT = 11;
/** What lies beneath text where nothing was painted: the white page. */
const PAPER = '#ffffff';

const ANY_SPACE = /\s/u;

/** @param {unknown} hex "#rrggbb" as pdf.js gives colours in its operator list */
function channels(hex) {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return null;
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** @param {unknown} a @param {unknown} b colours; an unknown one (a pattern, an image) differs */
function indistinct(a, b) {
  const x = channels(a);
  const y = channels(b);
  if (!x || !y) return false;
  return x.every((value, i) => Math.abs(value - /** @type {number} */ (y[i])) <= INDISTINCT);
}

/**
 * @param {{ mode: number; fill: unknown; stroke: unknown }} state
 * @param {unknown} beneath the colour under the text: the last shape painted there, the page's
 *   white when none, null under an image or a shading (assumed readable)
 */
function paintsNothing(state, beneath) {
  if (INVISIBLE_MODES.has(state.mode)) return true;
  const unseen = (/** @type {unknown} */ colour) => indistinct(colour, beneath);
  if (STROKE_MODES.has(state.mode)) return unseen(state.stroke);
  if (FILL_AND_STROKE_MODES.has(state.mode)) return unseen(state.fill) && unseen(state.stroke);
  return unseen(state.fill);
}

/** Where a path with this min/max box lands on the page, as [x0, y0, x1, y1]. */
function pageBox(/** @type {Matrix} */ ctm, /** @type {ArrayLike<number>} */ box) {
  const corners = [
    apply(ctm, box[0], box[1]),
    apply(ctm, box[2], box[1]),
    apply(ctm, box[0], box[3]),
    apply(ctm, box[2], box[3]),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const inside = (/** @type {number[]} */ box, /** @type {number[]} */ point) =>
  point[0] >= box[0] && point[0] <= box[2] && point[1] >= box[1] && point[1] <= box[3];

/** @param {unknown} glyphs */
function glyphText(glyphs) {
  if (!Array.isArray(glyphs)) return '';
  return glyphs
    .map((g) => (g && typeof g === 'object' && typeof g.unicode === 'string' ? g.unicode : ''))
    .join('');
}

/** @param {string} text */
const normalized = (text) => text.normalize('NFKC');

/** @typedef {[number, number, number, number, number, number]} Matrix */
/** @type {Matrix} */
const IDENTITY = [1, 0, 0, 1, 0, 0];

/** @param {Matrix} m @param {Matrix} n  m then n (PDF order: the point goes through m first) */
function multiply(m, n) {
  return /** @type {Matrix} */ ([
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ]);
}

/**
 * pdf.js passes a matrix as six numbers or as one typed array of six.
 * @param {any} args
 * @returns {Matrix}
 */
function toMatrix(args) {
  const values = args.length === 1 && args[0]?.length === 6 ? args[0] : args;
  const m = Array.from(values, Number);
  return m.length === 6 && m.every(Number.isFinite) ? /** @type {Matrix} */ (m) : IDENTITY;
}

/** @param {Matrix} m @param {number} x @param {number} y */
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** @param {unknown} glyphs a showText argument: glyph objects, and numbers for spacing */
/** @param {unknown} glyphs a showText argument: glyph objects, and numbers for spacing @param {number} fontSize */
function runWidth(glyphs, fontSize) {
  if (!Array.isArray(glyphs)) return 0;
  let width = 0;
  for (const g of glyphs) {
    if (typeof g === 'number') width -= (g * fontSize) / 1000;
    else if (g && typeof g.width === 'number') width += (g.width * fontSize) / 1000;
  }
  return width;
}

/**
 * Whether a run of text starting at the text origin, `width` long, lies wholly outside the page.
 * @param {Matrix} textToPage @param {number} width @param {number[]} view
 */
function runOffPage(textToPage, width, view) {
  const [x0, y0, x1, y1] = view;
  const [ax, ay] = apply(textToPage, 0, 0);
  const [bx, by] = apply(textToPage, width, 0);
  const left = Math.min(ax, bx);
  const right = Math.max(ax, bx);
  const low = Math.min(ay, by);
  const high = Math.max(ay, by);
  return right <= x0 || left >= x1 || high < y0 || low > y1;
}

/**
 * The page's drawn characters (whitespace left out) and, per character, whether a reader can
 * see it, from pdf.js's operator list: paint (render mode, colour against what lies beneath)
 * and place (a run wholly outside the page box). `runs` counts the text runs with hidden
 * characters. Text covered by a shape painted later is not judged: real files (tables with
 * cell shading, transparency) do that to readable text all the time.
 * @param {{ fnArray: number[]; argsArray: any[] }} operatorList
 * @param {Record<string, number>} OPS pdf.js's operator ids
 * @param {number[]} view the page box [x0, y0, x1, y1]
 * @returns {{ text: string; hidden: boolean[]; runs: number; chars: number }}
 */
export function glyphVisibility(operatorList, OPS, view) {
  let state = {
    mode: 0,
    fill: '#000000',
    stroke: '#000000',
    ctm: IDENTITY,
    fontSize: 0,
    leading: 0,
  };
  const saved = [];
  /** @type {Matrix} */
  let textMatrix = IDENTITY;
  /** @type {Matrix} */
  let lineMatrix = IDENTITY;
  const newLine = (/** @type {number} */ tx, /** @type {number} */ ty) => {
    lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
    textMatrix = lineMatrix;
  };
  const out = { text: '', hidden: /** @type {boolean[]} */ ([]), runs: 0, chars: 0 };
  /** Painted areas in painting order, with their colour (null: an image or a shading). */
  const painted = /** @type {{ box: number[]; colour: unknown }[]} */ ([]);
  const FILLS = new Set([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const IMAGES = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintSolidColorImageMask,
  ]);
  operatorList.fnArray.forEach((fn, index) => {
    const args = operatorList.argsArray[index] ?? [];
    switch (fn) {
      case OPS.save:
        saved.push(state);
        return;
      case OPS.restore:
        state = saved.pop() ?? state;
        return;
      case OPS.transform:
        state = { ...state, ctm: multiply(toMatrix(args), state.ctm) };
        return;
      case OPS.paintFormXObjectBegin:
        saved.push(state);
        if (args[0]) state = { ...state, ctm: multiply(toMatrix([args[0]]), state.ctm) };
        return;
      case OPS.paintFormXObjectEnd:
        state = saved.pop() ?? state;
        return;
      case OPS.constructPath:
        if (FILLS.has(args[0]) && args[2]?.length === 4)
          painted.push({ box: pageBox(state.ctm, args[2]), colour: state.fill });
        return;
      case OPS.shadingFill:
        painted.push({ box: [...view], colour: null });
        return;
      case OPS.setTextRenderingMode:
        state = { ...state, mode: Number(args[0]) || 0 };
        return;
      case OPS.setFillRGBColor:
        state = { ...state, fill: args[0] };
        return;
      case OPS.setStrokeRGBColor:
        state = { ...state, stroke: args[0] };
        return;
      case OPS.setFont:
        state = { ...state, fontSize: Number(args[1]) || 0 };
        return;
      case OPS.setLeading:
        state = { ...state, leading: Number(args[0]) || 0 };
        return;
      case OPS.beginText:
        textMatrix = lineMatrix = IDENTITY;
        return;
      case OPS.setTextMatrix:
        textMatrix = lineMatrix = toMatrix(args);
        return;
      case OPS.moveText:
        newLine(Number(args[0]) || 0, Number(args[1]) || 0);
        return;
      case OPS.setLeadingMoveText:
        state = { ...state, leading: -(Number(args[1]) || 0) };
        newLine(Number(args[0]) || 0, Number(args[1]) || 0);
        return;
      case OPS.nextLine:
        newLine(0, -state.leading);
        return;
      case OPS.showText:
      case OPS.showSpacedText: {
        const width = runWidth(args[0], state.fontSize);
        const textToPage = multiply(textMatrix, state.ctm);
        const origin = apply(textToPage, 0, 0);
        const under = painted.findLast((area) => inside(area.box, origin));
        const beneath = under ? under.colour : PAPER;
        const invisible = paintsNothing(state, beneath) || runOffPage(textToPage, width, view);
        textMatrix = multiply([1, 0, 0, 1, width, 0], textMatrix);
        const start = out.hidden.length;
        for (const ch of normalized(glyphText(args[0]))) {
          if (ANY_SPACE.test(ch)) continue;
          out.text += ch;
          for (let i = 0; i < ch.length; i += 1) out.hidden.push(invisible);
        }
        if (invisible) hideRun(out, start);
        return;
      }
      default:
        if (IMAGES.has(fn)) painted.push({ box: pageBox(state.ctm, [0, 0, 1, 1]), colour: null });
    }
  });
  return out;
}

/**
 * Counts one hidden run: its characters from `start` to the end so far.
 * @param {{ hidden: boolean[]; runs: number; chars: number }} out
 * @param {number} start
 */
function hideRun(out, start) {
  const end = out.hidden.length;
  if (end <= start) return;
  out.runs += 1;
  out.chars += end - start;
}

/**
 * @param {Record<string, any>} item a pdf.js text item
 * @param {number[]} view the page's box [x0, y0, x1, y1] in the items' coordinates
 */
function offPage(item, view) {
  const [x0, y0, x1, y1] = view;
  const x = Number(item.transform?.[4]);
  const y = Number(item.transform?.[5]);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const width = Math.abs(Number(item.width) || 0);
  const height = Math.abs(Number(item.height) || 0);
  return x + width <= x0 || x >= x1 || y + height <= y0 || y >= y1;
}

/**
 * Removes what a reader cannot see from the page's text items: an item pdf.js placed outside
 * the page, and the characters the glyph mask hides (an item drawn partly hidden keeps the
 * rest). What was hidden is counted by glyphVisibility, once per run.
 * @param {Array<Record<string, any>>} items pdf.js text content items, in stream order
 * @param {{ text: string; hidden: boolean[] }} glyphs from glyphVisibility
 * @param {number[]} view the page's box
 * @returns {Array<Record<string, any>>}
 */
export function dropHiddenText(items, glyphs, view) {
  /** @type {Array<Record<string, any>>} */
  const kept = [];
  let cursor = 0;
  for (const item of items) {
    const chars = typeof item.str === 'string' ? normalized(item.str).replace(/\s/gu, '') : '';
    if (chars.length === 0) {
      kept.push(item);
      continue;
    }
    if (offPage(item, view)) continue;
    // Items follow the stream's order; a string pdf.js reordered (right-to-left) is found reversed.
    let at = glyphs.text.indexOf(chars, cursor);
    let reversed = false;
    if (at < 0) {
      at = glyphs.text.indexOf([...chars].reverse().join(''), cursor);
      reversed = at >= 0;
    }
    // Not found (a font pdf.js mapped differently): the item is kept as it was.
    if (at < 0) {
      kept.push(item);
      continue;
    }
    cursor = at + chars.length;
    const mask = glyphs.hidden.slice(at, cursor);
    if (reversed) mask.reverse();
    const hiddenCount = mask.filter(Boolean).length;
    if (hiddenCount === 0) kept.push(item);
    else if (hiddenCount < mask.length) kept.push({ ...item, str: keepVisible(item.str, mask) });
  }
  return kept;
}

/**
 * @param {string} str
 * @param {boolean[]} mask hidden flags for the string's non-space characters
 */
function keepVisible(str, mask) {
  let index = 0;
  let out = '';
  for (const ch of normalized(str)) {
    if (ANY_SPACE.test(ch)) {
      out += ch;
      continue;
    }
    const hidden = mask.slice(index, index + ch.length).some(Boolean);
    index += ch.length;
    if (!hidden) out += ch;
  }
  return out;
}
