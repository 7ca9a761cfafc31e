// One message in the conversation. Hooks for browser tests: data-role and data-message-id.

import type { Message, Role, Source } from '../api';
import { h, icon, ICON } from '../dom';
import type { Dict } from '../i18n';
import { renderMarkdown } from '../markdown';
import { sourceItem } from './sources';

export type FeedbackValue = 1 | -1 | 0;
/** Saves a thumbs value; resolves false when the server refused it. */
export type SaveFeedback = (messageId: string, value: FeedbackValue) => Promise<boolean>;

export function messageShell(
  role: Role,
  id?: string | null,
  author?: string | null,
  avatarUrl?: string | null,
): HTMLElement {
  return h(
    'div',
    { class: 'msg', 'data-role': role, 'data-message-id': id || null },
    role === 'agent' && author
      ? h(
          'div',
          { class: 'author' },
          personAvatar(author, avatarUrl),
          h('span', { class: 'name' }, author),
        )
      : null,
    h('div', { class: 'bubble' }),
  );
}

/** Only http(s) and data:image URLs, so a stored setting cannot become a script URL. */
export function imageUrl(url?: string | null): string | null {
  if (!url) return null;
  if (/^data:image\//i.test(url)) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

/** A person's (or the assistant's) picture, or their initial when there is none or it fails. */
export function personAvatar(name: string, url?: string | null): HTMLElement {
  const initial = h('span', { class: 'avatar', 'aria-hidden': 'true' }, (name || '?').charAt(0));
  const src = imageUrl(url);
  if (!src) return initial;
  const img = h('img', { class: 'avatar', src, alt: '' });
  img.addEventListener('error', () => img.replaceWith(initial));
  return img;
}

export function bubbleOf(element: HTMLElement): HTMLElement {
  return element.querySelector('.bubble')!;
}

/** What the visitor typed, as plain text (never interpreted as Markdown). */
export function visitorMessage(text: string, id?: string): HTMLElement {
  const element = messageShell('visitor', id);
  bubbleOf(element).textContent = text;
  return element;
}

function sourceLine(source: Source, t: Dict): string {
  const page = typeof source.page === 'number' ? `, ${t.page} ${source.page}` : '';
  return `${source.n}. ${source.title || '—'}${page}`;
}

/** (Re)renders an answer: Markdown with [n] as superscripts, then "Sources: 1. Title, p. 3". */
export function fillAnswer(element: HTMLElement, text: string, sources: Source[], t: Dict): void {
  const bubble = bubbleOf(element);
  const titled = (n: number) => sources.find((source) => source.n === n);
  bubble.textContent = '';
  bubble.appendChild(
    renderMarkdown(text, {
      cite: (n) => {
        const source = titled(n);
        return h('sup', { class: 'cite', title: source ? sourceLine(source, t) : null }, n);
      },
    }),
  );
  const old = element.querySelector('.sources');
  if (old) old.remove();
  if (!sources.length) return;
  const list = h('ol', null, ...sources.map((source) => sourceItem(source, sourceLine(source, t))));
  bubble.after(h('div', { class: 'sources' }, h('span', null, t.sources), ' ', list));
}

/** Thumbs up/down that toggle: pressing the pressed one clears it (value 0). */
export function addFeedback(
  element: HTMLElement,
  messageId: string,
  initial: 1 | -1 | null,
  t: Dict,
  save: SaveFeedback,
): void {
  let value: FeedbackValue = initial || 0;
  const up = h('button', { type: 'button', class: 'fb', 'aria-label': t.helpful }, icon(ICON.up));
  const down = h(
    'button',
    { type: 'button', class: 'fb', 'aria-label': t.notHelpful },
    icon(ICON.down),
  );
  const show = (): void => {
    up.setAttribute('aria-pressed', String(value === 1));
    down.setAttribute('aria-pressed', String(value === -1));
  };
  const press = async (pressed: 1 | -1): Promise<void> => {
    const previous = value;
    value = value === pressed ? 0 : pressed;
    show();
    if (!(await save(messageId, value))) {
      value = previous;
      show();
    }
  };
  up.addEventListener('click', () => void press(1));
  down.addEventListener('click', () => void press(-1));
  show();
  element.appendChild(h('div', { class: 'actions' }, up, down));
}

export function storedMessage(message: Message, t: Dict, save: SaveFeedback): HTMLElement {
  if (message.role === 'visitor') return visitorMessage(message.content, message.id);
  if (message.role === 'system') return systemLine(message, t);
  const element = messageShell(
    message.role,
    message.id,
    message.authorName,
    message.authorAvatarUrl,
  );
  fillAnswer(element, message.content, Array.isArray(message.sources) ? message.sources : [], t);
  if (message.role === 'assistant') addFeedback(element, message.id, message.feedback, t, save);
  return element;
}

/**
 * A line between messages: a hand-off change in the visitor's language (with who joined), or
 * any other system text as written. Hook for browser tests: data-handoff.
 */
function systemLine(message: Message, t: Dict): HTMLElement {
  const line = message.handoff;
  const name = message.authorName || '';
  const text =
    line === 'waiting'
      ? t.waiting
      : line === 'joined' && name
        ? t.joined(name)
        : line === 'bot_back'
          ? t.botBack
          : line === 'ended'
            ? t.ended
            : message.content;
  return h(
    'p',
    { class: 'note', 'data-role': 'system', 'data-message-id': message.id, 'data-handoff': line },
    line === 'joined' && name ? personAvatar(name, message.authorAvatarUrl) : null,
    text,
  );
}

export function typingIndicator(t: Dict, label = t.typing): HTMLElement {
  return h('div', { class: 'typing', role: 'status', 'aria-label': label }, h('i'), h('i'), h('i'));
}

export function note(text: string, attributes?: Record<string, string | number>): HTMLElement {
  return h('p', { class: 'note', ...attributes }, text);
}
