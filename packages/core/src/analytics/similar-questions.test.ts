import { describe, expect, it } from 'vitest';
import type { QuestionGroup } from './question-reports';
import { mergeSimilarQuestions } from './similar-questions';

const group = (key: string, count: number, lastAskedAt = '2026-03-01T10:00:00.000Z') =>
  ({ key, example: key, count, lastAskedAt, conversationId: key }) satisfies QuestionGroup;

describe('near-identical questions', () => {
  it('counts different wordings of one question together, with the most asked as example', () => {
    const merged = mergeSimilarQuestions(
      [
        group('how do i download a story', 3),
        group('do you ship printed books to canada', 2),
        group('how can i download the stories', 1, '2026-03-02T10:00:00.000Z'),
        group('download story', 1),
      ],
      10,
    );
    expect(merged).toEqual([
      {
        key: 'how do i download a story',
        example: 'how do i download a story',
        count: 5,
        lastAskedAt: '2026-03-02T10:00:00.000Z',
        conversationId: 'how can i download the stories',
      },
      group('do you ship printed books to canada', 2),
    ]);
  });

  it('keeps questions about different things apart', () => {
    const merged = mergeSimilarQuestions(
      [group('who wrote the buried moon', 2), group('who illustrated the buried moon', 2)],
      10,
    );
    expect(merged).toHaveLength(2);
  });
});
