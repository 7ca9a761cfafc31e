import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

function render(text: string, cite?: (n: number) => Node): HTMLElement {
  const root = document.createElement('div');
  root.appendChild(renderMarkdown(text, { cite }));
  return root;
}

describe('renderMarkdown: attacks', () => {
  it('shows raw HTML as the literal text, creating no elements from it', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
      '**<b onmouseover=alert(1)>bold</b>**',
    ];
    for (const attack of attacks) {
      const root = render(attack);
      expect(
        root.querySelectorAll('script, img, iframe, svg, b, [onerror], [onload]'),
      ).toHaveLength(0);
      expect(root.textContent).toContain(attack.replace(/\*\*/g, ''));
    }
  });

  it('links only http(s) URLs; other schemes stay plain text', () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative/path',
    ];
    for (const url of bad) {
      const root = render(`[click me](${url})`);
      expect(root.querySelector('a'), url).toBeNull();
      expect(root.textContent).toContain('click me');
    }
    expect(render('[click me](javascript:alert(1))').textContent).toBe('click me');
    expect(render('<javascript:alert(1)>').querySelector('a')).toBeNull();
    expect(render('java\tscript:alert(1)').querySelector('a')).toBeNull();
  });

  it('keeps balanced parentheses in link URLs', () => {
    const root = render('[Piano](https://en.wikipedia.org/wiki/Piano_(instrument)) moves');
    expect(root.querySelector('a')!.getAttribute('href')).toBe(
      'https://en.wikipedia.org/wiki/Piano_(instrument)',
    );
    expect(root.textContent).toBe('Piano moves');
  });

  it('renders safe links with rel and target', () => {
    const root = render('See [our terms](https://shop.example/terms?a=1&b=2) or http://x.example.');
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://shop.example/terms?a=1&b=2',
      'http://x.example/',
    ]);
    expect(links[0]!.textContent).toBe('our terms');
    expect(links[1]!.textContent).toBe('http://x.example'); // the full stop is not part of it
    for (const link of links) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(link.getAttribute('target')).toBe('_blank');
    }
  });

  it('never renders images: not even with an https URL, the alt text shows instead', () => {
    const root = render('Look ![a cat](https://evil.example/leak?q=secret) here');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toBe('Look a cat here');
    expect(root.textContent).not.toContain('evil.example');
  });

  it('keeps code blocks and code spans as text', () => {
    const root = render('Run `<b>x</b>`:\n\n```html\n<script>alert(1)</script>\n```');
    expect(root.querySelector('p code')!.textContent).toBe('<b>x</b>');
    expect(root.querySelector('pre code')!.textContent).toBe('<script>alert(1)</script>');
    expect(root.querySelector('script, b')).toBeNull();
  });
});

describe('renderMarkdown: formatting', () => {
  it('paragraphs, line breaks, bold, italic', () => {
    const root = render('Hello **big** and *small* world\nsecond line\n\nNew paragraph');
    const paragraphs = root.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.querySelector('strong')!.textContent).toBe('big');
    expect(paragraphs[0]!.querySelector('em')!.textContent).toBe('small');
    expect(paragraphs[0]!.querySelectorAll('br')).toHaveLength(1);
    expect(paragraphs[1]!.textContent).toBe('New paragraph');
  });

  it('bullet and numbered lists, nested by indentation', () => {
    const root = render(
      'Steps:\n1. Pack\n2. **Move**\n   - boxes\n   - plants\n3. Unpack\n\n- a\n- b',
    );
    const ol = root.querySelector('ol')!;
    expect(Array.from(ol.children, (li) => li.firstChild!.textContent)).toEqual([
      'Pack',
      'Move',
      'Unpack',
    ]);
    expect(Array.from(ol.querySelectorAll('ul li'), (li) => li.textContent)).toEqual([
      'boxes',
      'plants',
    ]);
    const lists = root.querySelectorAll(':scope > ul');
    expect(Array.from(lists[0]!.children, (li) => li.textContent)).toEqual(['a', 'b']);
  });

  it('keeps a numbered list starting elsewhere than 1', () => {
    expect(render('3. three\n4. four').querySelector('ol')!.getAttribute('start')).toBe('3');
  });

  it('turns [n] into citation references when asked, and keeps [n](url) a link', () => {
    const cite = (n: number) => {
      const sup = document.createElement('sup');
      sup.textContent = String(n);
      return sup;
    };
    const root = render('Fees apply [1][2]. See [3](https://x.example).', cite);
    expect(Array.from(root.querySelectorAll('sup'), (s) => s.textContent)).toEqual(['1', '2']);
    expect(root.querySelector('a')!.textContent).toBe('3');
    expect(render('Fees apply [1].').textContent).toBe('Fees apply [1].');
  });

  it('treats backslash-escaped markers as text', () => {
    const root = render('2 \\* 3 \\* 4 and \\[1\\]');
    expect(root.querySelector('em')).toBeNull();
    expect(root.textContent).toBe('2 * 3 * 4 and [1]');
  });

  it('renders a half-streamed answer without throwing', () => {
    const partial = '**Bold start and ```\ncode without end\n- item';
    expect(() => render(partial)).not.toThrow();
    expect(render('Hello **wor').textContent).toBe('Hello **wor');
  });
});
