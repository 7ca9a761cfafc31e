/* global document, window */
// The PDF source viewer's script (served as is, no build step): loads pdf.js only now, draws
// the cited page to fit the window, lays the page's text over it, and marks the passage the
// answer quoted. The body's data-state (loading | ready | failed) and data-marks tell a test,
// and a screen reader through #status, how it went.

const ASSETS = '/source-viewer/';
const source = JSON.parse(document.getElementById('source').textContent);
const status = document.getElementById('status');
const pageBox = document.getElementById('page');

/** Lower case, one space between words, typographic quotes and dashes made plain. */
function normalize(text) {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2014]/g, '-')
    .replace(/\s+/g, ' ');
}

/** Fewer quoted words in a row than this are not worth marking ("of the"). */
const MIN_MARKED_WORDS = 3;

/**
 * The text layer's spans that carry the quote. The page's text is joined span by span and the
 * quote searched in it, spaces aside (a line break may split a word); when the whole quote is
 * not found (a footnote sits between, the page words it differently), the longest run of its
 * words in a row that is found is marked, if it has at least three words. (The document
 * viewer on the server marks the same way: document-page.ts.)
 */
function spansOfQuote(spans, quote) {
  const words = normalize(quote).trim().split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const page = pageText(spans);
  const find = (length) => {
    for (let first = 0; first + length <= words.length; first++) {
      const hit = page.spansOf(words.slice(first, first + length).join(''));
      if (hit) return hit;
    }
    return null;
  };
  const whole = find(words.length);
  if (whole || words.length <= MIN_MARKED_WORDS) return whole ?? [];
  // A run of n words found means every shorter run inside it is found too: search the length.
  let found = [];
  let low = MIN_MARKED_WORDS;
  let high = words.length - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const hit = find(middle);
    if (hit) {
      found = hit;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The page's text without spaces, and which span each of its characters came from. */
function pageText(spans) {
  let flat = '';
  const owner = [];
  spans.forEach((span, index) => {
    const piece = normalize(span.textContent).replace(/ /g, '');
    for (let i = 0; i < piece.length; i++) owner.push(index);
    flat += piece;
  });
  return {
    /** The spans covering `wanted` (written without spaces), or null when it is not there. */
    spansOf(wanted) {
      const at = wanted.length >= 8 ? flat.indexOf(wanted) : -1;
      if (at < 0) return null;
      const hit = new Set(owner.slice(at, at + wanted.length));
      return [...hit].map((index) => spans[index]);
    },
  };
}

async function show() {
  const pdfjs = await import(ASSETS + 'pdf.min.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = ASSETS + 'pdf.worker.min.mjs';
  const pdf = await pdfjs.getDocument({ url: source.file, isEvalSupported: false }).promise;
  const number = Math.min(Math.max(1, source.page), pdf.numPages);
  const page = await pdf.getPage(number);
  const natural = page.getViewport({ scale: 1 });
  const scale = Math.min(2, Math.max(0.5, (window.innerWidth - 32) / natural.width));
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;

  pageBox.style.setProperty('--scale-factor', String(scale));
  pageBox.style.width = `${Math.floor(viewport.width)}px`;
  pageBox.style.height = `${Math.floor(viewport.height)}px`;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  pageBox.appendChild(canvas);
  await page.render({
    canvas,
    canvasContext: canvas.getContext('2d'),
    viewport,
    transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
  }).promise;

  const layer = document.createElement('div');
  layer.className = 'textLayer';
  pageBox.appendChild(layer);
  await new pdfjs.TextLayer({
    textContentSource: page.streamTextContent(),
    container: layer,
    viewport,
  }).render();

  const spans = [...layer.querySelectorAll('span')].filter((s) => s.textContent.trim());
  const marked = source.quote ? spansOfQuote(spans, source.quote) : [];
  for (const span of marked) span.classList.add('source-mark');
  document.body.dataset.marks = String(marked.length);
  status.textContent = marked.length
    ? `Page ${number} of ${pdf.numPages}. The quoted passage is marked.`
    : `Page ${number} of ${pdf.numPages}.`;
  if (marked[0]) marked[0].scrollIntoView({ block: 'center' });
  document.body.dataset.state = 'ready';
}

show().catch(() => {
  document.body.dataset.state = 'failed';
  status.textContent = 'The document could not be shown. Open the source again from the chat.';
});
