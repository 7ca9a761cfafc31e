import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe("an agent's Markdown", () => {
  it('renders bold, lists and links as the customer reads them', () => {
    expect(
      html(
        '**How to download**\n1. Open the story page\n2. Click *Download PDF*\n\nSee [help](https://x.example/help).',
      ),
    ).toBe(
      '<p><strong>How to download</strong></p><ol><li>Open the story page</li><li>Click <em>Download PDF</em></li></ol>' +
        '<p>See <a href="https://x.example/help" target="_blank" rel="noopener noreferrer nofollow">help</a>.</p>',
    );
  });

  it('never lets HTML or script links through', () => {
    expect(html('<img src=x onerror=alert(1)> [click](javascript:alert(1))')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; click (javascript:alert(1))</p>',
    );
  });
});
