import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConversationList, plainText, tagTone, type ConversationRow } from './conversation-list';

const row = (over: Partial<ConversationRow>): ConversationRow => ({
  id: '11111111-1111-4111-8111-111111111111',
  visitorId: 'v_abcdefghijkl',
  customerEmail: null,
  customerName: null,
  status: 'open',
  escalated: false,
  language: 'en',
  rating: null,
  botPausedAt: null,
  assignedUserName: null,
  lastMessageAt: '2026-03-01T10:00:00.000Z',
  lastMessage: { role: 'assistant', content: 'From 99 EUR.' },
  tags: [],
  ...over,
});

function render(rows: ConversationRow[], selectedId: string | null = null) {
  return renderToString(
    <ConversationList
      rows={rows}
      selectedId={selectedId}
      checked={new Set([rows[0]!.id])}
      onSelect={() => {}}
      onCheck={() => {}}
    />,
  );
}

describe('conversation list', () => {
  it('marks each row with its id and status, and the open one as current', () => {
    const a = row({ customerName: 'Ana' });
    const b = row({ id: '22222222-2222-4222-8222-222222222222', status: 'escalated' });
    const html = render([a, b], b.id);
    expect(html).toContain(`data-conversation-id="${a.id}"`);
    expect(html).toMatch(new RegExp(`data-conversation-id="${b.id}" data-status="escalated"`));
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
  });

  it('labels the export checkbox with who the conversation is with', () => {
    const html = render([row({ customerEmail: 'ana@example.com' })]);
    const box = /<input type="checkbox"[^>]*>/.exec(html)?.[0];
    expect(box).toContain('aria-label="Select the conversation with ana@example.com"');
    expect(box).toContain('checked=""');
  });

  it('shows takeover, rating, language and tags as chips', () => {
    const html = render([
      row({
        botPausedAt: '2026-03-01T10:00:00.000Z',
        rating: 4,
        tags: ['upset', 'human_requested'],
        topics: ['The Buried Moon'],
      }),
    ]);
    for (const text of [
      'agent answering',
      '★ 4',
      '>en<',
      'chip--negative">Upset',
      'chip--neutral">Asked for a person',
      'chip--topic">The Buried Moon',
    ])
      expect(html).toContain(text);
    // Raw keys are for machines.
    expect(html).not.toContain('human_requested<');
    expect(html).toContain('Assistant: From 99 EUR.');
  });

  it('colours sentiment tags only', () => {
    expect(tagTone('thanks')).toBe('positive');
    expect(tagTone('confused')).toBe('negative');
    expect(tagTone('refund')).toBe('neutral');
  });

  it('previews a Markdown reply as plain words', () => {
    expect(plainText('Refunds take **5 days**, see [help](https://x.example).')).toBe(
      'Refunds take 5 days, see help.',
    );
  });
});
