/**
 * A suffix automaton of one text: fed a stream one character at a time, it says how long
 * the longest end of the stream is that occurs somewhere in the text. Building it is linear
 * in the text and each step is amortised O(1), so a guard can follow a streaming answer
 * against a long prompt without re-reading either.
 */
export class SubstringMatcher {
  private readonly next: Map<string, number>[] = [new Map()];
  private readonly link: number[] = [-1];
  private readonly longest: number[] = [0];

  constructor(text: string) {
    let last = 0;
    for (let i = 0; i < text.length; i++) last = this.extend(last, text[i]!);
  }

  /** A walker at the empty match: `step(char)` returns the current match length. */
  walker(): { step(char: string): number; readonly length: number } {
    let state = 0;
    let length = 0;
    const { next, link, longest } = this;
    return {
      step(char) {
        while (state !== 0 && !next[state]!.has(char)) {
          state = link[state]!;
          length = longest[state]!;
        }
        const to = next[state]!.get(char);
        if (to === undefined) length = 0;
        else {
          state = to;
          length += 1;
        }
        return length;
      },
      get length() {
        return length;
      },
    };
  }

  private extend(last: number, char: string): number {
    const current = this.addState(this.longest[last]! + 1, -1);
    let p = last;
    while (p !== -1 && !this.next[p]!.has(char)) {
      this.next[p]!.set(char, current);
      p = this.link[p]!;
    }
    if (p === -1) this.link[current] = 0;
    else {
      const q = this.next[p]!.get(char)!;
      if (this.longest[p]! + 1 === this.longest[q]) this.link[current] = q;
      else {
        const clone = this.addState(this.longest[p]! + 1, this.link[q]!, this.next[q]!);
        while (p !== -1 && this.next[p]!.get(char) === q) {
          this.next[p]!.set(char, clone);
          p = this.link[p]!;
        }
        this.link[q] = clone;
        this.link[current] = clone;
      }
    }
    return current;
  }

  private addState(longest: number, link: number, next?: Map<string, number>): number {
    this.next.push(new Map(next));
    this.link.push(link);
    this.longest.push(longest);
    return this.next.length - 1;
  }
}
