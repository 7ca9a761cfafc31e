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

/**
 * The text layer's spans that carry the quote. The page's text is joined span by span (a
 * space between) and the quote searched in it; when the whole quote is not found (a line
 * break split a word, a footnote sits between), its first and last words are tried alone.
 */
function spansOfQuote(spans, quote) {
  let text = '';
  const starts = [];
  for (const span of spans) {
    starts.push(text.length);
    text += normalize(span.textContent) + ' ';
  }
  text = text.replace(/ +/g, ' ');
  const wanted = normalize(quote).trim();
  const words = wanted.split(' ');
  const tries = [wanted, words.slice(0, 6).join(' '), words.slice(-6).join(' ')];
  for (const attempt of tries) {
    if (attempt.length < 8) continue;
    const at = joinedIndex(spans, attempt);
    if (at) return at;
  }
  return [];
}

/** Spans covering `wanted` in the page's text joined without the line breaks between spans. */
function joinedIndex(spans, wanted) {
  const pieces = spans.map((span) => normalize(span.textContent));
  let joined = '';
  const owner = [];
  pieces.forEach((piece, index) => {
    const part = joined && !joined.endsWith(' ') && !piece.startsWith(' ') ? ' ' + piece : piece;
    for (let i = 0; i < part.length; i++) owner.push(index);
    joined += part;
  });
  const flat = joined.replace(/ /g, '');
  const target = wanted.replace(/ /g, '');
  const at = flat.indexOf(target);
  if (at < 0) return null;
  // Map positions in the text without spaces back to spans.
  const hit = new Set();
  let seen = -1;
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === ' ') continue;
    seen++;
    if (seen >= at && seen < at + target.length) hit.add(owner[i]);
  }
  return [...hit].map((index) => spans[index]);
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
