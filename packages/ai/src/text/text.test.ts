import { describe, expect, it } from 'vitest';
import { coverage, keywordStems } from './keywords';
import { splitSentences, unwrapLines } from './sentences';
import { wordPattern } from './word-pattern';

describe('keywordStems', () => {
  it('keeps topic words, stemmed, without stop words or chat filler', () => {
    expect([...keywordStems('Hi! Do you move pianos, please?', 'en')]).toEqual(['move', 'piano']);
    expect([...keywordStems('Flyttar ni pianon?', 'sv')]).toEqual(['flytt', 'pianon']);
  });
  it('drops the stop words of the message language too', () => {
    expect([...keywordStems('Hur mycket kostar en flytt?', 'en', 'sv')]).toEqual([
      'kostar',
      'flytt',
    ]);
  });
  it('measures how much of a question a passage covers', () => {
    const question = keywordStems('Do you sell cars?', 'en');
    expect(coverage(question, keywordStems('We sell boxes and tape.', 'en'))).toBe(0.5);
    expect(coverage(new Set(), new Set(['x']))).toBe(0);
  });
  it('finds a word written apart as part of a compound, unless only whole words count', () => {
    const question = keywordStems('Is the corona virus airborne?', 'en');
    const text = keywordStems('The coronavirus is airborne.', 'en');
    expect(coverage(question, text)).toBe(1);
    expect(coverage(question, text, { compounds: false })).toBe(1 / 3);
    // Short stems and mere inflections are not compound parts.
    expect(coverage(keywordStems('car', 'en'), keywordStems('careful', 'en'))).toBe(0);
    expect(coverage(new Set(['vaccin']), new Set(['vaccines']))).toBe(0);
  });
});

describe('sentences', () => {
  it('joins PDF line breaks and hyphenated words, keeps paragraphs', () => {
    expect(unwrapLines('the great-\nest number of\nbees\n\nNew part')).toBe(
      'the greatest number of bees\n\nNew part',
    );
  });
  it('splits at sentence ends before a capital, not inside numbers or abbreviations without one', () => {
    expect(splitSentences('Yes. Pianos are $250.50 each! Is 3.5 kg ok? "Sure," he said.')).toEqual([
      'Yes.',
      'Pianos are $250.50 each!',
      'Is 3.5 kg ok?',
      '"Sure," he said.',
    ]);
  });
});

describe('wordPattern', () => {
  it('matches whole words, also with letters outside ASCII', () => {
    const pattern = wordPattern(['nå', 'människa']);
    expect(pattern.test('hva gjør jeg nå?')).toBe(true);
    expect(pattern.test('nåde')).toBe(false);
    expect(pattern.test('en människa')).toBe(true);
  });
});
