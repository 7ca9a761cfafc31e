import { describe, expect, it } from 'vitest';
import { dictionary, pickLocale } from './i18n';

describe('pickLocale', () => {
  it('uses the page language when it is one we speak', () => {
    expect(pickLocale('sv', 'english')).toBe('sv');
    expect(pickLocale('sv-SE', 'english')).toBe('sv');
    expect(pickLocale('en-GB', 'swedish')).toBe('en');
    for (const tag of ['no', 'nb', 'nn', 'nb-NO', 'NN'])
      expect(pickLocale(tag, 'english')).toBe('no');
  });

  it('falls back to the tenant language, then English', () => {
    expect(pickLocale('de', 'swedish')).toBe('sv');
    expect(pickLocale(null, 'norwegian')).toBe('no');
    expect(pickLocale('', 'english')).toBe('en');
    expect(pickLocale('de', 'german')).toBe('en');
    expect(pickLocale(undefined, undefined)).toBe('en');
    expect(pickLocale('constructor', '__proto__')).toBe('en');
    expect(pickLocale('svenska', 'swedish')).toBe('sv'); // not a language tag we know
  });
});

describe('dictionary', () => {
  it('has every string in every language, and they differ from English', () => {
    const en = dictionary('en');
    for (const locale of ['sv', 'no'] as const) {
      const other = dictionary(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      expect(other.human).not.toBe(en.human);
      expect(other.ticket(12)).toContain('#12');
    }
    expect(en.rateLimited).toBe('Too many messages, please wait a moment.');
    expect(dictionary('sv').message).toBe('Meddelande');
    expect(dictionary('no').message).toBe('Melding');
  });
});
