import { describe, expect, it } from 'vitest';
import { blocksHtml, findQuote, plainText, readableBlocks } from './document-page';

const page = (markdown: string, quote: string, kind = 'markdown') => {
  const blocks = readableBlocks(markdown, kind);
  return blocksHtml(blocks, findQuote(blocks, quote, kind), 'cited');
};

describe('a document as a readable page', () => {
  it('keeps headings, list items and paragraphs and drops every piece of markup', () => {
    const html = page(
      [
        '# Returns',
        'See [our policy](https://elsewhere.example/p) <script>fetch("/steal")</script> **now**.',
        '<img src=x onerror="alert(1)"> ![logo](https://elsewhere.example/l.png)',
        '',
        '## How',
        '- Pack the book',
        '  in its box.',
        '1. Print the label',
      ].join('\n'),
      'Pack the book in its box.',
    );
    expect(html).toBe(
      '<h2>Returns</h2><p>See our policy now. logo</p><h3>How</h3>' +
        '<ul><li><mark id="cited">Pack the book in its box.</mark></li><li>Print the label</li></ul>',
    );
  });

  it('shows plain text as written, escaped, with no headings made from it', () => {
    const html = page('# not a heading <b>x</b> & "y"\n\nSecond line.', 'Second line.', 'text');
    expect(html).toBe(
      '<p># not a heading &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;</p><p><mark id="cited">Second line.</mark></p>',
    );
  });

  it('marks the longest run of the quote found when the whole sentence is not', () => {
    const blocks = readableBlocks(
      'Store the tent dry. Keep the tent in a cool and dark place over winter.',
      'markdown',
    );
    // Six words in a row match (case aside); the rest of the quote differs.
    const mark = findQuote(blocks, 'Always keep the tent in a cool cellar.', 'markdown');
    expect(blocks[0]!.text.slice(mark!.start, mark!.end)).toBe('Keep the tent in a cool');
    // Two words in a row are not worth marking.
    expect(findQuote(blocks, 'the tent was wet', 'markdown')).toBeNull();
  });

  it('reduces hostile markup to its words', () => {
    expect(plainText('a<svg onload=alert(1)>b</svg><!-- x --><style>p{}</style>c', 'html')).toBe(
      'a b c',
    );
    expect(plainText('<a href="javascript:alert(1)">click</a>', 'markdown')).toBe('click');
  });
});
