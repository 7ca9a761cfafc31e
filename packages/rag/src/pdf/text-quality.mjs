// Decides whether text extracted from a PDF is worth indexing. Plain JavaScript (not TypeScript)
// because the PDF worker imports it, and the worker must load the same way under every runner.
// The main thread never calls this: the worker runs it so big documents cost the main thread nothing.

/**
 * Fewer letters/digits than this in the whole document means "no text": an image-only scan
 * usually yields nothing at all, or a stray page number or two.
 */
export const MIN_WORD_CHARS = 20;

/**
 * Below this share of plausible words (see plausibleWordShare) the text layer is treated as OCR
 * garbage.
 *
 * Calibration on the team's eval PDFs (share over the whole document): clean prose 0.999 (a
 * 55-page story collection, a 352-page book), a tax form 0.993, a table-heavy timetable 0.996, the
 * placeholder page of an XFA form 1.0; a Russian scan whose text layer was OCR'd as Latin garbage
 * ("Hanorosas:tAeKnapai...IVIs:tno", "H8norosbiH") 0.39. Page by page (pages with 30+ judged
 * words): the worst page of a good document scored 0.92 (a page of image file names), the best
 * page of the scan 0.48. 0.6 sits between the two, with the wider margin on the good side: one odd
 * page never sinks a good document, code-heavy technical text keeps room to spare, and a
 * document must be mostly garbage to fail.
 */
export const MIN_PLAUSIBLE_WORD_SHARE = 0.6;

/** The garbage test needs enough judged words to mean anything; short documents skip it. */
export const MIN_JUDGED_WORDS = 30;

// A "plausible" word (after stripping punctuation at both ends and splitting at apostrophes,
// hyphens and underscores) has a natural letter-case shape: lower case ("word"), capitalised
// ("Word"), all caps ("WORD"), camel or Pascal case ("getUser", "PayPal", "McGowan"), or letters
// of a script without case (CJK, Arabic, Hebrew, Thai: always accepted, this test cannot judge
// them). OCR garbage breaks these shapes constantly: case flips inside words ("nepHOA",
// "yKaJaHHbiX"), punctuation inside words ("Cl>opMa", "rO,[I"), digits between letters
// ("H8norosbiH", "KoppeKn1pOBKH"). Tokens without letters, numbers with units ("105min", "2nd",
// "W-2", "1.16GB"), URLs, e-mail addresses and dotted abbreviations ("U.S") are not judged.
const PLAUSIBLE_PART = /^(?:\p{Lu}?[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)*|[\p{Lu}\p{M}]+)$/u;
const CASELESS_SCRIPT = /\p{Lo}/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{N}/u;
const DIGITS_BETWEEN_LETTERS = /\p{L}\p{N}+\p{L}/u;
const URL_OR_EMAIL = /@|:\/\/|^www\.|\.(?:com|org|net|gov|edu|io|de|fr|uk)$/i;
const ABBREVIATION = /^(?:\p{L}\.)+\p{L}?$/u;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const TOKEN_SEPARATORS = /[\s\u2013\u2014/]+|--+/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Judging more words than this changes nothing but time: longer texts are sampled evenly. */
export const MAX_SAMPLED_TOKENS = 20_000;

/**
 * Share of plausible words among the judged words of `text` (an even sample of at most
 * MAX_SAMPLED_TOKENS tokens).
 * @param {string} text
 * @returns {{ judged: number; plausible: number; share: number }}
 */
export function plausibleWordShare(text) {
  const tokens = text.split(TOKEN_SEPARATORS);
  const stride = Math.max(1, Math.ceil(tokens.length / MAX_SAMPLED_TOKENS));
  let judged = 0;
  let plausible = 0;
  for (let index = 0; index < tokens.length; index += stride) {
    const token = /** @type {string} */ (tokens[index]).replace(EDGE_PUNCTUATION, '');
    if (!HAS_LETTER.test(token)) continue;
    if (DIGITS_BETWEEN_LETTERS.test(token)) {
      judged += 1;
      continue;
    }
    if (HAS_DIGIT.test(token) || URL_OR_EMAIL.test(token)) continue;
    judged += 1;
    if (
      CASELESS_SCRIPT.test(token) ||
      ABBREVIATION.test(token) ||
      token.split(/['\u2019_-]/).every((part) => part === '' || PLAUSIBLE_PART.test(part))
    ) {
      plausible += 1;
    }
  }
  return { judged, plausible, share: judged === 0 ? 1 : plausible / judged };
}

/**
 * Letters and digits in `text`, counted up to `cap`.
 * @param {string} text
 * @param {number} [cap]
 */
export function countWordChars(text, cap = Infinity) {
  const wordChar = new RegExp(WORD_CHAR.source, 'gu');
  let count = 0;
  while (count < cap && wordChar.exec(text) !== null) count += 1;
  return count;
}

// The placeholder page that dynamic XFA forms show to viewers without XFA support
// ("Please wait... If this message is not eventually replaced by the proper contents of the
// document, your PDF viewer may not be able to display this type of document."). The long
// sentence identifies it on its own; a bare "please wait" only counts on a short document.
const XFA_PLACEHOLDER =
  /not eventually replaced by the proper contents|may not be able to display this type of document/i;
const XFA_PLEASE_WAIT = /please wait|veuillez patienter|bitte warten/i;
const XFA_PLACEHOLDER_MAX_WORD_CHARS = 2000;

/**
 * @param {string} text the whole document's text
 * @param {boolean} hasXfa the document carries an XFA form
 * @returns {'ok' | 'empty' | 'xfa' | 'garbage'}
 */
export function assessText(text, hasXfa) {
  const wordChars = countWordChars(text, XFA_PLACEHOLDER_MAX_WORD_CHARS);
  if (wordChars < MIN_WORD_CHARS) return 'empty';
  // An XFA form whose only page content is the viewer placeholder: the real form lives in the
  // XFA stream, which we do not render. A static XFA form has real page content instead.
  if (
    hasXfa &&
    (XFA_PLACEHOLDER.test(text) ||
      (XFA_PLEASE_WAIT.test(text) && wordChars < XFA_PLACEHOLDER_MAX_WORD_CHARS))
  ) {
    return 'xfa';
  }
  const { judged, share } = plausibleWordShare(text);
  if (judged >= MIN_JUDGED_WORDS && share < MIN_PLAUSIBLE_WORD_SHARE) return 'garbage';
  return 'ok';
}
