import type { OutputDetector } from './detector';
import { rot13 } from './injection';

/** A run of this many characters (spacing and case ignored) copied from the system prompt is a leak. */
export const VERBATIM_SPAN = 72;
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g;

/**
 * Finds the system prompt in an answer: its canary (also rot13'd or inside base64), or any long
 * verbatim span of it. Detection must happen before the engine has released the span to the
 * customer, so the engine holds back more than VERBATIM_SPAN characters while streaming.
 * Incremental: each scan looks only at what is new (plus the overlap a match could span).
 */
export function leakDetector(systemPrompt: string, canary: string): OutputDetector {
  // rot13 keeps spaces, so a rot13'd copy is caught like a plain one.
  const spans = spanSet(
    flatten(systemPrompt, 0, '').flat,
    flatten(rot13(systemPrompt), 0, '').flat,
  );
  const needles = [canary.toLowerCase(), rot13(canary).toLowerCase()];
  const longest = Math.max(...needles.map((n) => n.length));
  let seen = 0;
  let flat = '';
  let origin: number[] = [];
  let windows = 0;
  return {
    kind: 'leak',
    scan(text) {
      const from = seen;
      seen = text.length;
      const positions: number[] = [];
      const recent = text.slice(Math.max(0, from - longest)).toLowerCase();
      for (const needle of needles) {
        const at = recent.indexOf(needle);
        if (at >= 0) positions.push(at + Math.max(0, from - longest));
      }
      positions.push(...base64Hits(text, Math.max(0, from - 4 * longest), needles[0]!, spans));
      ({ flat, origin } = flatten(text.slice(from), from, flat, origin));
      for (; windows + VERBATIM_SPAN <= flat.length; windows++) {
        if (spans.has(flat.slice(windows, windows + VERBATIM_SPAN))) {
          positions.push(origin[windows]!);
          break;
        }
      }
      return positions.length ? Math.min(...positions) : null;
    },
  };
}

/** Starts of base64 runs (from the word around `from` on) that decode to the canary or a span of the prompt. */
function base64Hits(text: string, from: number, needle: string, spans: Set<string>): number[] {
  const start = text.lastIndexOf(' ', from) + 1;
  const hits: number[] = [];
  for (const run of text.slice(start).matchAll(BASE64_RUN)) {
    const decoded = flatten(Buffer.from(run[0], 'base64').toString('utf8'), 0, '').flat;
    if (decoded.includes(needle) || hasSpan(decoded, spans)) hits.push(start + run.index);
  }
  return hits;
}

function hasSpan(flat: string, spans: Set<string>): boolean {
  for (let i = 0; i + VERBATIM_SPAN <= flat.length; i++)
    if (spans.has(flat.slice(i, i + VERBATIM_SPAN))) return true;
  return false;
}

/** Appends `piece` (starting at `offset` in the answer) lowercased, whitespace runs as one space. */
function flatten(piece: string, offset: number, flat: string, origin: number[] = []) {
  let out = flat;
  for (let i = 0; i < piece.length; i++) {
    const char = piece[i]!;
    if (char === ' ' || char === '\n' || char === '\t' || char === '\r' || /\s/.test(char)) {
      if (out === '' || out.endsWith(' ')) continue;
      out += ' ';
    } else out += char.toLowerCase();
    origin.push(offset + i);
  }
  return { flat: out, origin };
}

function spanSet(...texts: string[]): Set<string> {
  const spans = new Set<string>();
  for (const flat of texts)
    for (let i = 0; i + VERBATIM_SPAN <= flat.length; i++)
      spans.add(flat.slice(i, i + VERBATIM_SPAN));
  return spans;
}
