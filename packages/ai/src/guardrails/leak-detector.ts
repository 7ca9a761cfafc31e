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
  const prompts = promptMatchers(systemPrompt, canary);
  const walkers = prompts.map((m) => m.walker());
  const needles = [canary.toLowerCase(), rot13(canary).toLowerCase()];
  const longest = Math.max(...needles.map((n) => n.length));
  let seen = 0;
  const flat = new FlatText();
  let fed = 0;
  let copied = 0;
  return {
    kind: 'leak',
    scan(text) {
      const from = seen;
      seen = text.length;
      let found: number | null = null;
      const earliest = (at: number) => (found = found === null ? at : Math.min(found, at));
      const recentFrom = Math.max(0, from - longest);
      const recent = text.slice(recentFrom).toLowerCase();
      for (const needle of needles) {
        const at = recent.indexOf(needle);
        if (at >= 0) earliest(at + recentFrom);
      }
      for (const at of base64Hits(text, Math.max(0, from - 4 * longest), needles[0]!, prompts))
        earliest(at);
      flat.append(text, from);
      for (; fed < flat.length; fed++) {
        copied = longestMatch(walkers, flat.charAt(fed));
        if (copied >= VERBATIM_SPAN) {
          earliest(flat.origin[fed + 1 - copied]!);
          break;
        }
      }
      return found;
    },
    pending(text) {
      const needle = unfinishedNeedle(text, needles, (t) => t.toLowerCase());
      if (copied < COPY_WORTH_HOLDING) return needle;
      const copy = flat.origin[flat.length - copied]!;
      return needle === null ? copy : Math.min(needle, copy);
    },
  };
}

/** Steps every walker with one character: the longest copy that ends here (no array per character). */
function longestMatch(walkers: Walker[], char: string): number {
  let longest = 0;
  for (const walker of walkers) longest = Math.max(longest, walker.step(char));
  return longest;
}

type Walker = ReturnType<SubstringMatcher['walker']>;

/**
 * The prompt's text is the same for every answer of a tenant in a language except its canary
 * (new per answer), and building its automata was most of what an answer allocated. So the
 * automata of the prompt with the canary swapped for one character no answer writes are built
 * once and kept; each answer builds small ones of the canary with `VERBATIM_SPAN - 1` characters
 * either side, which hold every span that touches the canary. Together they find exactly the
 * copies one automaton of the whole prompt would (the longest copy ending anywhere, up to the
 * first that is long enough to stop the answer), plain and rot13'd (rot13 keeps spaces, so a
 * rot13'd copy is caught like a plain one).
 */
function promptMatchers(systemPrompt: string, canary: string): SubstringMatcher[] {
  const flat = flatten(systemPrompt);
  const at = canary ? flat.indexOf(canary.toLowerCase()) : -1;
  if (at < 0) return matchersOf(flat);
  const end = at + canary.length;
  const template = `${flat.slice(0, at)}${CANARY_STANDIN}${flat.slice(end)}`;
  const aroundCanary = flat.slice(Math.max(0, at - VERBATIM_SPAN + 1), end + VERBATIM_SPAN - 1);
  return [...cachedMatchers(template), ...matchersOf(aroundCanary)];
}

/** Stands for the canary in the kept automata; an answer's text never matches through it. */
const CANARY_STANDIN = '\u0000';
/** Prompts whose automata are kept: tenants times the languages they are asked in, at most. */
const KEPT_PROMPTS = 64;
const keptMatchers = new Map<string, SubstringMatcher[]>();

function cachedMatchers(template: string): SubstringMatcher[] {
  const kept = keptMatchers.get(template);
  if (kept) {
    // Most recently used last, so the oldest is the first to go.
    keptMatchers.delete(template);
    keptMatchers.set(template, kept);
    return kept;
  }
  const built = matchersOf(template);
  keptMatchers.set(template, built);
  if (keptMatchers.size > KEPT_PROMPTS) keptMatchers.delete(keptMatchers.keys().next().value!);
  return built;
}

const matchersOf = (flat: string) => [
  new SubstringMatcher(flat),
  new SubstringMatcher(rot13(flat)),
];

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
    const decoded = flatten(Buffer.from(run[0], 'base64').toString('utf8'));
    if (decoded.includes(needle) || holdsSpan(prompts, decoded)) hits.push(start + run.index);
  }
  return hits;
}

function holdsSpan(prompts: SubstringMatcher[], flat: string): boolean {
  const walkers = prompts.map((prompt) => prompt.walker());
  for (let i = 0; i < flat.length; i++)
    if (longestMatch(walkers, flat[i]!) >= VERBATIM_SPAN) return true;
  return false;
}

const isSpace = (char: string) =>
  char === ' ' || char === '\n' || char === '\t' || char === '\r' || /\s/.test(char);

/**
 * A growing answer lowercased, whitespace runs as one space, and where each of its characters
 * came from. Appending costs only the new characters (no rescan of what is there).
 */
class FlatText {
  private readonly chars: string[] = [];
  readonly origin: number[] = [];
  private afterSpace = true;

  get length(): number {
    return this.chars.length;
  }

  charAt(index: number): string {
    return this.chars[index]!;
  }

  /** Appends `text` from `from` on (the answer so far; what is before `from` was appended already). */
  append(text: string, from: number) {
    for (let i = from; i < text.length; i++) {
      const char = text[i]!;
      if (isSpace(char)) {
        if (this.afterSpace) continue;
        this.afterSpace = true;
        this.chars.push(' ');
      } else {
        this.afterSpace = false;
        this.chars.push(char.toLowerCase());
      }
      this.origin.push(i);
    }
  }
}

/** `text` lowercased, whitespace runs as one space, leading whitespace dropped. */
function flatten(text: string): string {
  const flat = new FlatText();
  flat.append(text, 0);
  return Array.from({ length: flat.length }, (_, i) => flat.charAt(i)).join('');
}
