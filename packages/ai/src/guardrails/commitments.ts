import type { OutputDetector } from './detector';

/**
 * A model must not bind the business: "I confirm your 100% refund", "you will get a full
 * refund", "vi garanterar rabatt". Only people at the tenant can promise money back; the
 * engine replaces such an answer with an offer of a person. Knowledge-base text quoted by the
 * extractive answerer is the tenant's own wording and is not checked.
 *
 * Each promise is a subject, a head (auxiliary + verb, written out so the detector can tell
 * while it streams whether a head is still being written), and for most a gap and an object:
 * what is promised. A promise never crosses a sentence end.
 */
interface PromiseShape {
  /** Regex source of the words that open it. */
  subject: string;
  /** What may stand between subject and verb, spaces meaning any whitespace; '' = nothing. */
  auxiliaries: string[];
  verbs: string[];
  /** Characters allowed between verb and object, and the object's regex source; none = the head is the promise. */
  object?: { gap: number; source: string; wordBoundary: boolean };
  flags: string;
}

const PROMISE_SHAPES: PromiseShape[] = [
  {
    subject: 'i|we',
    auxiliaries: [
      '',
      ' have',
      "'ve",
      ' hereby',
      ' will',
      "'ll",
      ' can',
      ' am happy to',
      ' are happy to',
    ],
    verbs: forms(
      'confirm',
      'ed',
      'guarantee',
      'd',
      'promise',
      'd',
      'approve',
      'd',
      'authorise',
      'd',
      'authorize',
      'd',
      'issue',
      'd',
      'process',
      'ed',
      'grant',
      'ed',
      'refund',
      'ed',
      'waive',
      'd',
    ),
    object: {
      gap: 50,
      source:
        'refunds?|discounts?|compensation|credit|reimburse\\w*|free|waive\\w*|vouchers?|money\\s+back',
      wordBoundary: true,
    },
    flags: 'i',
  },
  {
    subject: 'you',
    auxiliaries: [' will', " 'll"],
    verbs: ['get', 'receive', 'be given', 'be refunded', 'be reimbursed'],
    object: {
      gap: 40,
      source: 'refunds?|discounts?|compensation|credit|money\\s+back|reimburse\\w*',
      wordBoundary: true,
    },
    flags: 'i',
  },
  {
    subject: '100\\s*%|full|complete',
    auxiliaries: [' refund is', ' refund has been', ' refund was'],
    verbs: ['confirmed', 'approved', 'guaranteed', 'processed', 'granted', 'issued'],
    flags: 'i',
  },
  {
    subject: 'jag|vi',
    auxiliaries: ['', ' har'],
    verbs: ['bekräftar', 'bekräftat', 'garanterar', 'lovar', 'lovat', 'godkänner', 'godkänt'],
    object: {
      gap: 50,
      source: 'återbetalning|rabatt|ersättning|kompensation|gratis',
      wordBoundary: false,
    },
    flags: 'iu',
  },
  {
    subject: 'jeg|vi',
    auxiliaries: ['', ' har'],
    verbs: [
      'bekrefter',
      'bekreftet',
      'bekræfter',
      'garanterer',
      'lover',
      'lovet',
      'godkjenner',
      'godkender',
    ],
    object: {
      gap: 50,
      source: 'refusjon|tilbakebetaling|refusion|rabatt|rabat|kompensasjon|erstatning|gratis',
      wordBoundary: false,
    },
    flags: 'iu',
  },
  {
    subject: 'ich|wir',
    auxiliaries: ['', ' haben'],
    verbs: [
      'bestätige',
      'bestätigen',
      'garantiere',
      'garantieren',
      'verspreche',
      'versprechen',
      'genehmige',
      'genehmigen',
    ],
    object: {
      gap: 50,
      source: 'erstattung|rückerstattung|rabatt|entschädigung|gutschrift|kostenlos',
      wordBoundary: false,
    },
    flags: 'iu',
  },
];

/** `forms('confirm', 'ed')` = confirm, confirmed: a verb and its past form, pairwise. */
function forms(...pairs: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) words.push(pairs[i]!, pairs[i]! + pairs[i + 1]!);
  return words;
}

/** Longest object a promise names ("reimbursement", "rückerstattung"), with room to spare. */
const LONGEST_OBJECT = 24;

interface CompiledShape {
  promise: RegExp;
  subject: RegExp;
  /** Every head as text after the subject: lower-case, whitespace as single spaces. */
  heads: string[];
  /** How far past a complete head the object may still come. */
  reach: number;
}

const COMPILED = PROMISE_SHAPES.map(compile);

function compile(shape: PromiseShape): CompiledShape {
  const spaced = (text: string) => escapeRegex(text).replace(/ /g, '\\s+');
  const written = shape.auxiliaries.filter(Boolean);
  const optional = written.length < shape.auxiliaries.length ? '?' : '';
  const head = `\\b(?:${shape.subject})(?:${written.map(spaced).join('|')})${optional}\\s+(?:${shape.verbs.map(spaced).join('|')})\\b`;
  const object = shape.object
    ? `[^.!?\\n]{0,${shape.object.gap}}${shape.object.wordBoundary ? `\\b(?:${shape.object.source})\\b` : `(?:${shape.object.source})`}`
    : '';
  return {
    promise: new RegExp(head + object, shape.flags),
    subject: new RegExp(`\\b(?:${shape.subject})`, `${shape.flags}g`),
    heads: shape.auxiliaries.flatMap((aux) =>
      shape.verbs.map((verb) => `${aux} ${verb}`.toLowerCase()),
    ),
    reach: shape.object ? shape.object.gap + LONGEST_OBJECT : 0,
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A promise spans less than this; each scan re-reads only this much of what came before. */
const LOOKBACK = 160;

export function promiseDetector(): OutputDetector {
  let seen = 0;
  return {
    kind: 'promise',
    scan(text) {
      // Start the window at a word boundary, so a cut word cannot look like "I" or "we".
      const start = seen > LOOKBACK ? text.lastIndexOf(' ', seen - LOOKBACK) + 1 : 0;
      seen = text.length;
      const window = text.slice(start);
      const starts = COMPILED.map((c) => window.search(c.promise)).filter((i) => i >= 0);
      return starts.length ? start + Math.min(...starts) : null;
    },
    pending: (text) => unfinishedPromise(text),
  };
}

/**
 * Where a promise may be in the middle of being written: a subject in the current sentence
 * followed by the beginning of a head, or by a whole head whose object may still come.
 * "You can book online" is settled at "can"; "I confirm your" waits for the rest.
 */
function unfinishedPromise(text: string): number | null {
  const from = Math.max(0, text.length - LOOKBACK);
  const sentenceStart = lastSentenceEnd(text, from);
  const sentence = text.slice(sentenceStart);
  let earliest: number | null = null;
  for (const shape of COMPILED) {
    for (const match of sentence.matchAll(shape.subject)) {
      const rest = sentence
        .slice(match.index + match[0].length)
        .toLowerCase()
        .replace(/\s+/g, ' ');
      if (!mayStillPromise(shape, rest)) continue;
      earliest = Math.min(earliest ?? Infinity, sentenceStart + match.index);
      break;
    }
  }
  return earliest;
}

function mayStillPromise(shape: CompiledShape, rest: string): boolean {
  return shape.heads.some(
    (head) =>
      head.startsWith(rest) ||
      (rest.startsWith(head) &&
        rest.length - head.length <= shape.reach &&
        !/^\w/.test(rest.slice(head.length))),
  );
}

/** Just after the last sentence end (. ! ? or a line break) at or after `from`. */
function lastSentenceEnd(text: string, from: number): number {
  for (let i = text.length - 1; i >= from; i--) if (/[.!?\n]/.test(text[i]!)) return i + 1;
  return from;
}
