import { describe, expect, it } from 'vitest';
import { UNSAFE_LINK_TARGETS } from '@replyline/ai/link-rule-cases';
import { linkPolicy } from '@replyline/ai/link-policy';
import { sanitizeMarkdown } from '@replyline/ai/sanitize-markdown';
import { renderMarkdown } from './markdown';

function render(text: string): HTMLElement {
  const root = document.createElement('div');
  root.appendChild(renderMarkdown(text));
  return root;
}
const hrefs = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('a'), (a) => a.getAttribute('href'));

describe('renderMarkdown: the shared strict link rule', () => {
  it('renders no <a> for the report’s sloppy targets, only the label', () => {
    const root = render('[Claim refund](http:evil.example/steal?c=SECRET )');
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toBe('Claim refund');
    for (const target of UNSAFE_LINK_TARGETS) {
      const each = render(`Go: [Claim refund](${target}) now`);
      expect(hrefs(each), JSON.stringify(target)).toEqual([]);
      expect(each.textContent).toBe('Go: Claim refund now');
    }
  });

  it('links no autolink or bare URL that is not canonical', () => {
    for (const text of [
      '<HTTP://evil.example/x>',
      'Https://evil.example/x',
      'see https://good.example(@evil.example/ now',
      'see https://good.example/\u200bx',
    ])
      expect(hrefs(render(text)), JSON.stringify(text)).toEqual([]);
  });

  it('still links canonical URLs, with the parsed href', () => {
    expect(
      hrefs(render('[Terms](https://good.example/terms "Our terms") or https://good.example')),
    ).toEqual(['https://good.example/terms', 'https://good.example/']);
  });
});

describe('guard then widget: every link shown was approved by the guard', () => {
  // good.example is the tenant's own site; evil.example is not.
  const links = linkPolicy(['https://good.example'], []);
  const shown = (answer: string) =>
    hrefs(render(sanitizeMarkdown(answer, { links, citationCount: 0 })));

  it('shows only links to the tenant’s host, whatever Markdown surrounds them', () => {
    for (const answer of [
      '[Claim refund](http:evil.example/steal?c=SECRET )',
      ...UNSAFE_LINK_TARGETS.map((target) => `[Claim refund](${target})`),
      '**x https://good.example/**https://evil.example/?c=S',
      '__x [a](https://good.example/__https://evil.example/?c=S)',
      '`x [a](https://good.example/`https://evil.example/?c=S)',
      '**[see https://evil.example/?c=S **](https://good.example/)',
      '\\[a](https://evil.example/?c=S)',
      'xhttps://evil.example/?c=S',
      '[https://good.example/a](https://good.example/a) and https://good.example(@evil.example/',
    ])
      for (const href of shown(answer))
        expect(new URL(href!).hostname, `${JSON.stringify(answer)} -> ${href}`).toBe(
          'good.example',
        );
  });

  it('keeps the tenant’s own links working', () => {
    expect(shown('[Book](https://good.example/book) or https://good.example/faq.')).toEqual([
      'https://good.example/book',
      'https://good.example/faq',
    ]);
    expect(shown('[https://good.example/a](https://good.example/a)')).toEqual([
      'https://good.example/a',
    ]);
  });
});
