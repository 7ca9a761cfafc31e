import { unfinishedNeedle, type OutputDetector } from './detector';
import { rot13 } from './injection';
import { SubstringMatcher } from './substring-matcher';

/** A run of this many characters (spacing and case ignored) copied from the system prompt is a leak. */
export const VERBATIM_SPAN = 72;
/**
 * From this many copied characters on, the copy is kept back until it ends: whatever of a
 * leak reaches the customer before it is caught stays shorter than this, and ordinary
 * phrases shared with the prompt are held only for the moment they last.
 */
const COPY_WORTH_HOLDING = 24;
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g;

/**
 * Finds the system prompt in an answer: its canary (also rot13'd or inside base64), or any long
 * verbatim span of it. Detection must happen before the engine has released the span to the
 * customer, so `pending` names where a copy in progress starts and the engine keeps it back.
 * Incremental: each scan looks only at what is new (plus the overlap a match could span), and
 * copies are followed with a suffix automaton of the prompt, so each character costs O(1).
 */
export function leakDetector(systemPrompt: string, canary: string): OutputDetector {
  // rot13 keeps spaces, so a rot13'd copy is caught like a plain one.
  const prompts = [systemPrompt, rot13(systemPrompt)].map(
    (text) => new SubstringMatcher(flatten(text, 0, '').flat),
  );
  const walkers = prompts.map((m) => m.walker());
  const needles = [canary.toLowerCase(), rot13(canary).toLowerCase()];
  const longest = Math.max(...needles.map((n) => n.length));
  let seen = 0;
  let flat = '';
  let origin: number[] = [];
  let fed = 0;
  let copied = 0;
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
      positions.push(...base64Hits(text, Math.max(0, from - 4 * longest), needles[0]!, prompts));
      ({ flat, origin } = flatten(text.slice(from), from, flat, origin));
      for (; fed < flat.length; fed++) {
        copied = Math.max(...walkers.map((w) => w.step(flat[fed]!)));
        if (copied >= VERBATIM_SPAN) {
          positions.push(origin[fed + 1 - copied]!);
          break;
        }
      }
      return positions.length ? Math.min(...positions) : null;
    },
    pending(text) {
      const holds = [unfinishedNeedle(text, needles, (t) => t.toLowerCase())];
      if (copied >= COPY_WORTH_HOLDING) holds.push(origin[flat.length - copied]!);
      const starts = holds.filter((at): at is number => at !== null);
      return starts.length ? Math.min(...starts) : null;
    },
  };
}

/** Starts of base64 runs (from the word around `from` on) that decode to the canary or a span of the prompt. */
function base64Hits(
  text: string,
  from: number,
  needle: string,
  prompts: SubstringMatcher[],
): number[] {
  const start = text.lastIndexOf(' ', from) + 1;
  const hits: number[] = [];
  for (const run of text.slice(start).matchAll(BASE64_RUN)) {
    const decoded = flatten(Buffer.from(run[0], 'base64').toString('utf8'), 0, '').flat;
    if (decoded.includes(needle) || prompts.some((p) => holdsSpan(p, decoded)))
      hits.push(start + run.index);
  }
  return hits;
}

function holdsSpan(prompt: SubstringMatcher, flat: string): boolean {
  const walker = prompt.walker();
  for (let i = 0; i < flat.length; i++) if (walker.step(flat[i]!) >= VERBATIM_SPAN) return true;
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
