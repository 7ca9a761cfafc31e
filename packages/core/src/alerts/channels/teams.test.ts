// What a Teams Adaptive Card would render of a customer's words: Markdown, autolinks, bare
// addresses and date functions come through as the characters typed, never as formatting.
import { describe, expect, it } from 'vitest';
import { teamsEscape, teamsRequest } from './teams';

const ZWSP = '\u200b';
const visible = (text: string) => text.replaceAll(ZWSP, '');

describe('teamsEscape', () => {
  it.each([
    ['**bold** and _italic_', '\\*\\*bold\\*\\* and \\_italic\\_'],
    ['[win](https://evil.example)', `\\[win\\]\\(https:/${ZWSP}/evil.example\\)`],
    ['<https://evil.example>', `\\<https:/${ZWSP}/evil.example\\>`],
    ['<b>bold</b> <at>Everyone</at>', '\\<b\\>bold\\</b\\> \\<at\\>Everyone\\</at\\>'],
    ['visit www.evil.example now', `visit www${ZWSP}.evil.example now`],
    ['{{DATE(2030-01-01T00:00:00Z, SHORT)}}', `{${ZWSP}{DATE\\(2030-01-01T00:00:00Z, SHORT\\)}}`],
    ['- one\n+ two\n3. three\n> quote', '\\- one\n\\+ two\n\\3. three\n\\> quote'],
    ['`code` ~~gone~~ back\\slash', '\\`code\\` \\~\\~gone\\~\\~ back\\\\slash'],
  ])('%j is shown as typed', (typed, escaped) => {
    expect(teamsEscape(typed)).toBe(escaped);
  });

  it('leaves nothing a reader would see changed but the backslashes CommonMark drops', () => {
    const typed = 'Eve <b>&</b> [win](https://evil.example) *now* {{TIME(x)}} www.x.example';
    const rendered = visible(teamsEscape(typed)).replace(/\\(.)/g, '$1');
    expect(rendered).toBe(typed);
  });
});

describe('teamsRequest', () => {
  it('puts the escaped words in text blocks and our link only in an action', () => {
    const request = teamsRequest(
      { kind: 'teams', webhookUrl: 'https://example.webhook.office.com/hook' },
      {
        headline: 'New ticket #7 from Eve *now* [win](https://evil.example)',
        detail: 'Line one <script>\n- not a list',
        link: 'https://app.replyline.test/tickets/7',
        linkLabel: 'Open ticket #7',
      },
    );
    const card = JSON.parse(request.body).attachments[0].content;
    const texts = card.body.map((block: { text: string }) => block.text).join('\n');
    expect(texts).not.toMatch(/(^|[^\\])\[win\]/);
    expect(texts).not.toContain('https://');
    expect(texts).toContain('\\<script\\>');
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open ticket #7',
        url: 'https://app.replyline.test/tickets/7',
      },
    ]);
  });
});
