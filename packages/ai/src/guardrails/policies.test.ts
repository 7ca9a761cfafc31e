import { describe, expect, it } from 'vitest';
import { checkDailyBudget } from './daily-budget';
import { refusedTopicIn } from './refused-topics';

describe('refusedTopicIn', () => {
  const topics = ['legal advice', 'competitor pricing'];
  it('matches when every word of a topic is in the message', () => {
    expect(
      refusedTopicIn('Can you give me some legal advice about my lease?', topics, 'en', 'en'),
    ).toBe('legal advice');
    expect(
      refusedTopicIn('What is competitor pricing like, compared to you?', topics, 'en', 'en'),
    ).toBe('competitor pricing');
    expect(refusedTopicIn('What are your competitors’ prices?', topics, 'en', 'en')).toBe(
      'competitor pricing',
    );
  });
  it('does not match one shared word', () => {
    expect(
      refusedTopicIn('Is it legal to park in front of the building?', topics, 'en', 'en'),
    ).toBeNull();
    expect(refusedTopicIn('What is your pricing?', topics, 'en', 'en')).toBeNull();
  });
});

describe('checkDailyBudget', () => {
  it('allows until the limit is reached', () => {
    expect(checkDailyBudget(0, 1000)).toEqual({ allowed: true, remaining: 1000 });
    expect(checkDailyBudget(999, 1000)).toEqual({ allowed: true, remaining: 1 });
    expect(checkDailyBudget(1000, 1000)).toEqual({ allowed: false, remaining: 0 });
    expect(checkDailyBudget(5000, 1000)).toEqual({ allowed: false, remaining: 0 });
  });
});
