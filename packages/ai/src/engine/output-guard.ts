import type { BlockKind, OutputDetector } from '../guardrails/detector';
import { CutScanner, safeCut } from './safe-cut';

export type StopReason = BlockKind | 'length';

export interface OutputGuardOptions {
  /** Cleans one segment; segments are cut where no Markdown construct is open. */
  sanitize: (segment: string) => string;
  detectors: OutputDetector[];
  maxChars: number;
}

/**
 * Sits between a streaming model and the customer. Text is released word by word, up to a
 * safe cut: at whitespace, outside any open `[..](..)`, `<..>` or reference definition, and
 * before anything a detector says could still turn into forbidden content (a canary being
 * written, a copy of the prompt in progress, a promise's first words), then cleaned. What
 * was released is exactly what is stored. When a detector fires, the answer is cut before the
 * forbidden content and the stream stops.
 */
export class OutputGuard {
  private raw = '';
  private released = 0;
  private output = '';
  private readonly cuts = new CutScanner();
  stopped: StopReason | null = null;

  constructor(private readonly options: OutputGuardOptions) {}

  /** Adds model text; returns what may be shown now. Once stopped, further text is ignored. */
  push(delta: string): string {
    if (this.stopped) return '';
    this.raw += delta;
    const block = this.firstBlock();
    if (block) return this.stop(block.kind, block.at);
    if (this.raw.length > this.options.maxChars) return this.stop('length', this.options.maxChars);
    // One character of look-ahead stays unscanned: "](" and "<a" are told apart by the next one.
    const limit = Math.min(this.raw.length - 1, this.firstPendingStart());
    return this.releaseUpTo(this.cuts.scan(this.raw, limit));
  }

  /** The model finished: everything not yet shown is cleaned and released. */
  finish(): string {
    if (this.stopped) return '';
    return this.release(this.raw.length);
  }

  get text(): string {
    return this.output;
  }

  /** The earliest forbidden content any detector found (every detector scans, to stay in step). */
  private firstBlock(): { kind: BlockKind; at: number } | null {
    let first: { kind: BlockKind; at: number } | null = null;
    for (const detector of this.options.detectors) {
      const at = detector.scan(this.raw);
      if (at !== null && (!first || at < first.at)) first = { kind: detector.kind, at };
    }
    return first;
  }

  /** Where the earliest text starts that a detector keeps back; Infinity when none does. */
  private firstPendingStart(): number {
    let first = Infinity;
    for (const detector of this.options.detectors)
      first = Math.min(first, detector.pending(this.raw) ?? Infinity);
    return first;
  }

  private stop(reason: StopReason, at: number): string {
    this.stopped = reason;
    const cut = safeCut(this.raw, at, this.released);
    return this.release(sentenceStart(this.raw, cut, this.released));
  }

  private releaseUpTo(cut: number): string {
    return cut > this.released ? this.release(cut) : '';
  }

  private release(end: number): string {
    let piece = this.options.sanitize(this.raw.slice(this.released, end));
    if (!this.output) piece = piece.trimStart();
    this.released = end;
    this.output += piece;
    return piece;
  }
}

/** Moves a cut back to the start of its sentence (at a safe cut), so a stopped answer does not end mid-sentence. */
function sentenceStart(text: string, cut: number, from: number): number {
  const ends = [...text.slice(from, cut).matchAll(/[.!?…\n]\s+/g)].reverse();
  for (const end of ends) {
    const at = from + end.index + end[0].length;
    if (safeCut(text, at, from) === at) return at;
  }
  return from;
}
