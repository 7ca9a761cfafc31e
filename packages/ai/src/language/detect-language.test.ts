import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language';
import { isoLanguage, languageName, languageNameIn } from './languages';

// Short chat messages as customers type them; the detector must work on these, not on essays.
const MESSAGES: Record<string, string[]> = {
  en: [
    'Do you move pianos?',
    'How much does it cost?',
    'I want to talk to a human',
    'Can I reschedule my move?',
    'where is my order',
    'This is useless, nothing works',
    'What are your opening hours?',
    'Do you sell boxes?',
    'Can I pay by card?',
    'Hello, I need help with my booking',
    'How long does a two bedroom move take?',
    'Is my sofa insured during the move?',
  ],
  sv: [
    'Flyttar ni pianon?',
    'Vad kostar det?',
    'Jag vill prata med en människa',
    'Kan jag boka om min flytt?',
    'Var är min beställning?',
    'Tack så mycket!',
    'Hur lång tid tar en flytt?',
    'Säljer ni flyttkartonger?',
    'Kan jag betala med kort?',
    'Hej, jag behöver hjälp med min bokning',
    'Det här fungerar inte alls',
    'Vilka öppettider har ni?',
  ],
  no: [
    'Flytter dere pianoer?',
    'Hva koster det?',
    'Jeg vil snakke med et menneske',
    'Kan jeg endre flyttedagen min?',
    'Hvor er bestillingen min?',
    'Tusen takk!',
    'Hvor lang tid tar en flytting?',
    'Selger dere flytteesker?',
    'Kan jeg betale med kort?',
    'Hei, jeg trenger hjelp med bestillingen min',
    'Dette fungerer ikke i det hele tatt',
    'Hva er åpningstidene deres?',
  ],
  de: [
    'Transportieren Sie Klaviere?',
    'Was kostet das?',
    'Ich möchte mit einem Menschen sprechen',
    'Kann ich meinen Umzug verschieben?',
    'Wo ist meine Bestellung?',
    'Vielen Dank!',
    'Wie lange dauert ein Umzug?',
    'Verkaufen Sie Umzugskartons?',
    'Kann ich mit Karte bezahlen?',
    'Hallo, ich brauche Hilfe bei meiner Buchung',
    'Das funktioniert überhaupt nicht',
    'Wann haben Sie geöffnet?',
  ],
};

describe('detectLanguage on short chat messages', () => {
  for (const [language, messages] of Object.entries(MESSAGES)) {
    it(`recognises all 12 ${language} messages on an English tenant`, () => {
      const wrong = messages.filter((m) => detectLanguage(m, 'english') !== language);
      expect(wrong).toEqual([]);
    });
  }

  it('falls back to the tenant language when a message is too short to tell', () => {
    for (const text of ['ok', 'hej', 'hei', '?', '12345', 'ORD-1234', 'ja'])
      expect(detectLanguage(text, 'swedish')).toBe('sv');
    expect(detectLanguage('ok', 'english')).toBe('en');
  });

  it('tells Danish from Norwegian by their spelling, and leans to the tenant when they are written alike', () => {
    expect(detectLanguage('Hvad koster det at flytte et klaver?', 'english')).toBe('da');
    expect(detectLanguage('Jeg vil gerne tale med et menneske', 'english')).toBe('da');
    expect(detectLanguage('Kan jeg betale med kort?', 'english')).toBe('no');
    expect(detectLanguage('Kan jeg betale med kort?', 'danish')).toBe('da');
  });

  it('recognises other languages too (answers then fall back to English phrases)', () => {
    expect(detectLanguage('Bonjour, je voudrais réserver un déménagement', 'english')).toBe('fr');
    expect(detectLanguage('¿Cuánto cuesta una mudanza?', 'english')).toBe('es');
  });
});

describe('language names', () => {
  it('maps tenant language settings to ISO codes', () => {
    expect(['english', 'swedish', 'norwegian', 'nb', 'sv', 'klingon'].map(isoLanguage)).toEqual([
      'en',
      'sv',
      'no',
      'no',
      'sv',
      'en',
    ]);
  });
  it('names languages for the prompt and in the customer’s language', () => {
    expect(languageName('sv')).toBe('Swedish');
    expect(languageName('no')).toBe('Norwegian (Bokmål)');
    expect(languageNameIn('en', 'sv')).toBe('engelska');
    expect(languageNameIn('en', 'de')).toBe('Englisch');
  });
});
