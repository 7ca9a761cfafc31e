import { describe, expect, it } from 'vitest';
import type { Passage } from '../types';
import { weighEvidence } from './evidence-gate';

const passage = (id: number, content: string, extra: Partial<Passage> = {}): Passage => ({
  id,
  chunkId: `c${id}`,
  documentId: `d${id}`,
  title: 'pdkids',
  kind: 'pdf',
  page: id,
  heading: null,
  content,
  score: 10 - id,
  ...extra,
});

const english = (text: string) => ({ text, knowledgeLanguage: 'en', messageLanguage: 'en' });

const copyright = passage(
  1,
  'This book is printed under a free license. Copies of the printed books may be shared with anyone.',
);
const moon = passage(
  2,
  'The Buried Moon was trapped in the bog by the bogles until the villagers freed her.',
);

describe('weighEvidence', () => {
  it('does not let an off-topic question through on a few shared words', () => {
    const evidence = weighEvidence(english('Do you ship printed books to Canada?'), [copyright]);
    expect(evidence.supported).toBe(false);
  });

  it('lets a question through when the best document covers it', () => {
    const evidence = weighEvidence(english('Who trapped the moon in the bog?'), [moon, copyright]);
    expect(evidence).toMatchObject({ supported: true, coverage: 1 });
  });

  it('weighs and returns only the best passage’s document', () => {
    const secondOfMoon = passage(3, 'The villagers carried lanterns.', { documentId: 'd2' });
    const evidence = weighEvidence(english('Who trapped the moon?'), [
      moon,
      copyright,
      secondOfMoon,
    ]);
    expect(evidence.passages.map((p) => p.id)).toEqual([2, 3]);
  });

  it('does not answer from an FAQ entry written for another question', () => {
    const faq = passage(1, 'Every story is tested with young readers before it is published.', {
      kind: 'faq',
      title: 'Where can I get a story read aloud?',
      heading: 'Where can I get a story read aloud?',
    });
    expect(weighEvidence(english('Where can I get my eyes tested?'), [faq]).supported).toBe(false);
    expect(weighEvidence(english('Can I get a story read aloud?'), [faq]).supported).toBe(true);
  });

  it('trusts a passage vector search found clearly close in meaning', () => {
    const close = { ...copyright, vectorScore: 0.8 };
    expect(weighEvidence(english('Do you ship printed books to Canada?'), [close]).supported).toBe(
      true,
    );
  });

  it('has nothing to weigh without passages', () => {
    expect(weighEvidence(english('Anything?'), [])).toEqual({
      supported: false,
      coverage: 0,
      passages: [],
    });
  });
});
