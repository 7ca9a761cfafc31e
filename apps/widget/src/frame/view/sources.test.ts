import { describe, expect, it } from 'vitest';
import type { Source } from '../api';
import { sourceItem } from './sources';

const base: Source = { n: 1, documentId: 'd1', title: 'Guide', page: 3, heading: null };

describe('sourceItem', () => {
  it('links a web page, a PDF and a document in a new tab, without giving the page our window', () => {
    for (const [kind, url] of [
      ['web', 'https://shop.example/care#:~:text=Dry%20the%20tent'],
      ['pdf', '/sources/sl1.abc.def'],
      ['document', '/sources/sl1.abc.def#cited'],
    ] as const) {
      const link = sourceItem({ ...base, kind, url }, '1. Guide, p. 3').querySelector('a')!;
      expect(link.getAttribute('href')).toBe(url);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener');
      expect(link.dataset.kind).toBe(kind);
      expect(link.textContent).toBe('1. Guide, p. 3');
    }
  });

  it('opens an FAQ entry in place, its Markdown rendered and nothing run', () => {
    const item = sourceItem(
      {
        ...base,
        kind: 'faq',
        url: null,
        answer:
          '**Yes.**\n\n1. Open the story page\n2. Click *Download PDF*\n\n<img src=x onerror=alert(1)>',
      },
      '1. How do I download a story?',
    );
    const details = item.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toBe('1. How do I download a story?');
    expect(details.querySelector('.faq strong')!.textContent).toBe('Yes.');
    expect(details.querySelectorAll('.faq ol li')).toHaveLength(2);
    expect(details.querySelector('img')).toBeNull();
  });

  it('shows a source with nothing to open (or stored before sources opened) as text', () => {
    expect(sourceItem(base, '1. Guide').innerHTML).toBe('1. Guide');
    expect(
      sourceItem({ ...base, kind: 'document', url: null }, '1. Guide').querySelector('a'),
    ).toBeNull();
  });
});
