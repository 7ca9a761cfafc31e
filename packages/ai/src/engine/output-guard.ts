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
    const blocks = this.options.detectors
      .map((d) => ({ kind: d.kind, at: d.scan(this.raw) }))
      .filter((b): b is { kind: BlockKind; at: number } => b.at !== null)
      .sort((a, b) => a.at - b.at);
    if (blocks[0]) return this.stop(blocks[0].kind, blocks[0].at);
    if (this.raw.length > this.options.maxChars) return this.stop('length', this.options.maxChars);
    // One character of look-ahead stays unscanned: "](" and "<a" are told apart by the next one.
    const limit = Math.min(this.raw.length - 1, ...this.pendingStarts());
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

  private pendingStarts(): number[] {
    return this.options.detectors
      .map((d) => d.pending(this.raw))
      .filter((at): at is number => at !== null);
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
