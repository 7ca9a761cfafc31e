/** Why the engine stopped a model's answer early. */
export type BlockKind = 'leak' | 'promise' | 'no_answer';

/**
 * Watches a growing answer. `scan` gets the whole text so far each time and returns where
 * forbidden content starts, or null. Detectors may remember how far they have looked.
 */
export interface OutputDetector {
  kind: BlockKind;
  scan(text: string): number | null;
  /**
   * After a scan that found nothing: where text starts that could still become forbidden
   * content as more arrives (the guard keeps it back), or null when all of it is settled.
   * This is what lets the guard show words as they come instead of a fixed window behind.
   */
  pending(text: string): number | null;
}

/**
 * Where the longest end of `text` that is a proper prefix of one of `needles` starts: the
 * beginning of a needle still being written. `needles` must already be in the case
 * `fold` turns text into.
 */
export function unfinishedNeedle(
  text: string,
  needles: readonly string[],
  fold: (text: string) => string = (t) => t,
): number | null {
  const longest = Math.max(...needles.map((n) => n.length));
  const tail = fold(text.slice(-longest));
  for (let k = Math.min(longest - 1, tail.length); k > 0; k--) {
    const end = tail.slice(tail.length - k);
    if (needles.some((n) => n.length > k && n.startsWith(end))) return text.length - k;
  }
  return null;
}
