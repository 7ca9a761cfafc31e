// The message list (role="log", aria-live="polite"): knows which message ids it shows, so
// the same message arriving from the answer stream and the events stream renders once.

import { h } from '../dom';

export interface Log {
  element: HTMLElement;
  has(id: string): boolean;
  add(element: HTMLElement, id?: string | null): void;
  /** Gives a message rendered before its id was known (a draft, a streamed answer) its id. */
  identify(element: HTMLElement, id: string): void;
  /** Keeps the newest content in view while the visitor is reading at the bottom. */
  follow(): void;
  clear(): void;
}

export function createLog(label: string, scroller: HTMLElement): Log {
  const element = h('div', {
    class: 'log',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': label,
  });
  const ids = new Set<string>();
  let pinned = true;
  scroller.addEventListener('scroll', () => {
    pinned = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
  });
  const follow = (): void => {
    if (pinned) scroller.scrollTop = scroller.scrollHeight;
  };
  return {
    element,
    has: (id) => ids.has(id),
    add(child, id) {
      if (id) ids.add(id);
      element.appendChild(child);
      pinned = true; // something new: jump to it
      follow();
    },
    identify(child, id) {
      ids.add(id);
      child.setAttribute('data-message-id', id);
    },
    follow,
    clear() {
      ids.clear();
      element.textContent = '';
    },
  };
}
