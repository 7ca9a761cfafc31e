/**
 * Characters a person cannot see but a model reads: Unicode tag characters (U+E0000–E007F,
 * used to smuggle ASCII instructions), zero-width spaces and joiners, the word joiner and
 * invisible operators, bidi embeddings/overrides/isolates, the BOM and soft hyphen, and
 * variation selectors. Control characters other than tab and newline go too.
 */
/* eslint-disable no-control-regex, no-misleading-character-class -- these characters are exactly what is removed */
const INVISIBLE =
  /[\u{E0000}-\u{E007F}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;
/* eslint-enable no-control-regex, no-misleading-character-class */

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
