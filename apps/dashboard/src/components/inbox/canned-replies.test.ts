import { describe, expect, it } from 'vitest';
import { insertReply, matchingReplies, slashQuery } from './canned-replies';

describe('canned replies in the reply box', () => {
  it('notices "/word" only at the start of a word, up to the cursor', () => {
    expect(slashQuery('/ref', 4)).toEqual({ query: 'ref', start: 0 });
    expect(slashQuery('Hi! /Ref', 8)).toEqual({ query: 'ref', start: 4 });
    expect(slashQuery('see a/b', 7)).toBeNull();
    expect(slashQuery('/refund and more', 16)).toBeNull();
  });

  it('lists shortcuts that start with the query first and inserts the text in place', () => {
    const replies = [
      { shortcut: 'hello', title: 'Greeting' },
      { shortcut: 'refund', title: 'Refunds' },
      { shortcut: 'late', title: 'Late refund' },
    ];
    expect(matchingReplies(replies, 'ref').map((r) => r.shortcut)).toEqual(['refund', 'late']);
    expect(insertReply('Hi! /ref', 4, 8, 'Refunds take 5 days.')).toEqual({
      text: 'Hi! Refunds take 5 days.',
      cursor: 24,
    });
  });
});
