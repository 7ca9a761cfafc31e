// A source under an answer, opened the way that suits it: a web page at the quoted sentence,
// a PDF or a document (Word, HTML, Markdown, text) in the viewer at the quoted passage (all in
// a new tab), an FAQ entry in place. Hooks for browser tests: data-kind on the link or the FAQ
// entry.

import type { Source } from '../api';
import { h } from '../dom';
import { renderMarkdown } from '../markdown';

export function sourceItem(source: Source, label: string): HTMLElement {
  if (source.kind === 'faq' && source.answer)
    return h(
      'li',
      null,
      h(
        'details',
        { 'data-kind': 'faq' },
        h('summary', null, label),
        h('div', { class: 'faq' }, renderMarkdown(source.answer)),
      ),
    );
  if (source.url)
    return h(
      'li',
      null,
      h(
        'a',
        { href: source.url, target: '_blank', rel: 'noopener', 'data-kind': source.kind },
        label,
      ),
    );
  return h('li', null, label);
}
