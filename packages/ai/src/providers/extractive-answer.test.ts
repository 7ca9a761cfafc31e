import { describe, expect, it } from 'vitest';
import type { Passage } from '../types';
import { composeExtractiveAnswer } from './extractive-answer';
import { createExtractiveModel } from './extractive-model';

const passage = (id: number, content: string, extra: Partial<Passage> = {}): Passage => ({
  id,
  chunkId: `c${id}`,
  documentId: `d${id}`,
  title: 'FAQ',
  kind: 'faq',
  page: null,
  heading: null,
  content,
  score: 10,
  ...extra,
});

const pianos = passage(
  1,
  'Yes. Upright pianos are $250 and grand pianos $450 within the city, including straps. Gun safes over 300 kg need a site visit first.',
  { kind: 'text' },
);
const ask = (question: string, passages: Passage[], language = 'en') =>
  composeExtractiveAnswer({ question, passages, language, knowledgeLanguage: 'en' });

describe('composeExtractiveAnswer', () => {
  it('keeps the sentences about the question, in order, with a bare "Yes." that opens them, and cites', () => {
    expect(ask('Do you move pianos?', [pianos])).toBe(
      'Yes. Upright pianos are $250 and grand pianos $450 within the city, including straps. [1]',
    );
  });

  it('prefers the sentence sharing most words with the question', () => {
    const text =
      'Bees are busy. In winter the bees drive the drones from the hives when cold weather approaches. Bees like clover.';
    expect(
      ask('What do bees do to the drones when cold weather approaches?', [
        passage(1, text, { kind: 'pdf' }),
      ]),
    ).toBe('In winter the bees drive the drones from the hives when cold weather approaches. [1]');
  });

  it('quotes an FAQ answer matched by its question whole', () => {
    const pay = passage(
      1,
      'A $100 deposit secures your date. The balance is paid by card on moving day.',
    );
    expect(ask('How do I pay?', [pay])).toBe(
      'A $100 deposit secures your date. The balance is paid by card on moving day. [1]',
    );
  });

  it('adds a close second passage of the same document with its own citation, not a weak one', () => {
    const second = passage(2, 'Grand pianos need four movers.', { score: 8, documentId: 'd1' });
    expect(ask('grand pianos', [pianos, second])).toBe(
      `Yes. Upright pianos are $250 and grand pianos $450 within the city, including straps. [1]\n\nGrand pianos need four movers. [2]`,
    );
    expect(ask('grand pianos', [pianos, { ...second, score: 2 }])).not.toContain('[2]');
  });

  it('never stitches a passage of another document onto the answer', () => {
    const faqLine = passage(2, 'The piano guide is written by our team.', { score: 9.5 });
    const otherStory = passage(3, 'Grand pianos sink in the moon marsh.', {
      score: 9,
      kind: 'pdf',
    });
    const answer = ask('grand pianos', [pianos, faqLine, otherStory]);
    expect(answer).toContain('[1]');
    expect(answer).not.toMatch(/\[2\]|\[3\]|guide|marsh/);
  });

  it('quotes whole sentences only: no fragment cut at the start or end of a chunk', () => {
    const chunk = passage(
      1,
      'who wrote a book about the moon. The Buried Moon was trapped in the bog by the bogles. When the people came',
      { kind: 'pdf' },
    );
    expect(ask('Who trapped the moon in the bog?', [chunk])).toBe(
      'The Buried Moon was trapped in the bog by the bogles. [1]',
    );
  });

  it('quotes an FAQ answer with its Markdown intact', () => {
    const markdown =
      '**To download a story:**\n\n1. Open the story page.\n2. Click *Download PDF* at the top.\n3. See [the help page](https://stories.example/help).';
    const faq = passage(1, markdown, { heading: 'How do I download a story?' });
    expect(ask('How do I download a story?', [faq])).toBe(`${markdown} [1]`);
  });

  it('says which language it quotes in when the customer wrote in another', () => {
    expect(ask('Flyttar ni pianon?', [pianos], 'sv')).toMatch(
      /^Så här står det i vår dokumentation \(på engelska\):\n\n/,
    );
  });

  it('says it does not know when there is nothing to quote', () => {
    expect(ask('Do you sell cars?', [], 'no')).toMatch(/^Beklager, jeg vet ikke/);
  });
});

describe('createExtractiveModel', () => {
  it('streams the answer word by word, then reports characters', async () => {
    const model = createExtractiveModel();
    const deltas = [];
    for await (const delta of model.stream({
      messages: [],
      question: 'Do you move pianos?',
      passages: [pianos],
      language: 'en',
      knowledgeLanguage: 'en',
      maxOutputTokens: 100,
    }))
      deltas.push(delta);
    const words = deltas.filter((d) => d.type === 'text').map((d) => d.text);
    expect(words.slice(0, 3)).toEqual(['Yes.', ' Upright', ' pianos']);
    expect(deltas.at(-1)).toEqual({
      type: 'usage',
      usage: {
        inputTokens: 0,
        outputTokens: 0,
        characters: words.join('').length,
        model: 'extractive',
      },
    });
  });
});
