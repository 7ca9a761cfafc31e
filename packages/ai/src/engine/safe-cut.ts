/**
 * Finds where streamed text may be split: just after whitespace, with no link, image, HTML tag
 * or reference definition open, so each released piece can be cleaned on its own. Remembers
 * how far it has read, so a growing answer is scanned once.
 */
export class CutScanner {
  private next = 0;
  private best = 0;
  private square = 0;
  private paren = 0;
  private angle = false;
  /** Where the line being read starts (for reference definitions). */
  private lineStart = 0;

  /** The last safe cut at or before `limit`. */
  scan(text: string, limit: number): number {
    for (; this.next < Math.min(limit, text.length); this.next++) {
      const i = this.next;
      const char = text[i]!;
      if (this.angle) this.angle = char !== '>';
      else if (char === '<' && /[A-Za-z/!?]/.test(text[i + 1] ?? 'x')) this.angle = true;
      else if (char === '[') this.square += 1;
      else if (char === ']' && this.square > 0) {
        this.square -= 1;
        if (text[i + 1] === '(') this.paren += 1;
      } else if (char === ')' && this.paren > 0) this.paren -= 1;
      else if (
        /\s/.test(char) &&
        !this.square &&
        !this.paren &&
        !inReferenceDefinition(text, this.lineStart, i)
      )
        this.best = i + 1;
      if (char === '\n') this.lineStart = i + 1;
    }
    return this.best;
  }
}

/** The last safe cut at or before `limit`, and not before `from`. */
export function safeCut(text: string, limit: number, from: number): number {
  return Math.max(from, new CutScanner().scan(text, limit));
}

/**
 * A reference label is short; looking at the first 200 characters of a line keeps this cheap,
 * and a line that does not open with `[` (after at most three spaces) is settled without a copy.
 */
function inReferenceDefinition(text: string, lineStart: number, index: number): boolean {
  let first = lineStart;
  while (first < lineStart + 3 && text[first] === ' ') first++;
  if (text[first] !== '[') return false;
  return /^ {0,3}\[[^\]]*\]:/.test(text.slice(lineStart, Math.min(index + 1, lineStart + 200)));
}
