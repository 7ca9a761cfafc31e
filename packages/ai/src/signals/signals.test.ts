import { describe, expect, it } from 'vitest';
import { escalationFor } from './escalation';
import { isSmallTalk, tagMessage } from './tag-message';

describe('tagMessage', () => {
  it.each([
    ['I want to talk to a human', 'human_requested'],
    ['Can I speak with a real person please', 'human_requested'],
    ['Jag vill prata med en människa', 'human_requested'],
    ['Kan jeg snakke med et menneske?', 'human_requested'],
    ['Ich möchte mit einem Mitarbeiter sprechen', 'human_requested'],
    ['This is useless and I am furious', 'upset'],
    ['Det här är värdelöst, jag är besviken', 'upset'],
    ['Dette er elendig, appen fungerer ikke', 'upset'],
    ['Das ist inakzeptabel!', 'upset'],
    ['WHERE IS MY TRUCK, IT IS LATE', 'upset'],
    ["I don't understand your answer", 'confused'],
    ['Jag förstår inte vad du menar', 'confused'],
    ['Jeg skjønner ikke', 'confused'],
    ['How much does a move cost?', 'pricing'],
    ['Vad kostar en flytt?', 'pricing'],
    ['Hva koster det?', 'pricing'],
    ['Was kostet ein Umzug?', 'pricing'],
    ['I want to reschedule my booking', 'booking'],
    ['Kan jag boka om?', 'booking'],
    ['Jeg vil endre bestillingen', 'booking'],
    ['Kann ich den Termin verschieben?', 'booking'],
    ['I want my money back', 'refund'],
    ['Jag vill ha återbetalning', 'refund'],
  ])('%j is tagged %s', (text, tag) => expect(tagMessage(text)).toContain(tag));

  it('tags a plain question with nothing emotional', () => {
    expect(tagMessage('Do you move pianos?')).toEqual([]);
    expect(tagMessage('I lost my receipt, which room do I ask?')).toEqual([]);
  });

  it('recognises small talk only when nothing else is asked', () => {
    expect(isSmallTalk('Hi there!', tagMessage('Hi there!'))).toBe('greeting');
    expect(isSmallTalk('Tack så mycket!', tagMessage('Tack så mycket!'))).toBe('thanks');
    expect(
      isSmallTalk('Hi, do you move pianos?', tagMessage('Hi, do you move pianos?')),
    ).toBeNull();
  });
});

describe('escalationFor', () => {
  const base = { tags: [], unanswered: false, previousUnanswered: false } as const;
  it('suggests a person for the strongest reason', () => {
    expect(escalationFor(base)).toEqual({ suggested: false, reason: null });
    expect(escalationFor({ ...base, unanswered: true })).toEqual({
      suggested: true,
      reason: 'low_confidence',
    });
    expect(escalationFor({ ...base, unanswered: true, previousUnanswered: true }).reason).toBe(
      'repeated_failure',
    );
    expect(escalationFor({ ...base, tags: ['upset'] }).reason).toBe('negative_sentiment');
    expect(
      escalationFor({ ...base, tags: ['upset', 'human_requested'], unanswered: true }).reason,
    ).toBe('human_requested');
  });
});
