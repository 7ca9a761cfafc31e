import { describe, expect, it } from 'vitest';
import { SubstringMatcher } from './substring-matcher';

/** The longest end of `stream[0..i]` occurring in `text`, by brute force. */
function bruteForce(text: string, stream: string): number[] {
  return [...stream].map((_, i) => {
    const upTo = stream.slice(0, i + 1);
    for (let k = upTo.length; k > 0; k--) if (text.includes(upTo.slice(-k))) return k;
    return 0;
  });
}

describe('SubstringMatcher', () => {
  it('follows a stream against the text exactly as a brute-force search does', () => {
    const text = 'answer only from the passages; the passages are the only truth';
    for (const stream of [
      'we answer only from the passages',
      'the passages are the only truth, the passages',
      'xyz aaaa the pass',
      '',
    ]) {
      const walker = new SubstringMatcher(text).walker();
      expect([...stream].map((c) => walker.step(c))).toEqual(bruteForce(text, stream));
    }
  });

  it('handles repeats, where the automaton needs cloned states', () => {
    const text = 'abababbaabab';
    const stream = 'babbaababababbbaab';
    const walker = new SubstringMatcher(text).walker();
    expect([...stream].map((c) => walker.step(c))).toEqual(bruteForce(text, stream));
  });
});
