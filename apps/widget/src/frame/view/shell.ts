// The frame's static layout: header, scrolling conversation, composer, footer actions.
//
//   header      avatar, assistant name, close button
//   .scroll     greeting, message log, suggested questions, one card (human form or
//               rating), one notice (errors)
//   composer
//   footer      "Talk to a human" (data-action="human"), "Rate this conversation"

import { h, icon, ICON } from '../dom';
import type { FrameConfig } from '../config';
import type { Dict } from '../i18n';
import { renderMarkdown } from '../markdown';
import { createComposer } from './composer';
import type { Composer } from './composer';
import { createLog } from './log';
import type { Log } from './log';

export interface Shell {
  root: HTMLElement;
  log: Log;
  chips: HTMLElement;
  card: HTMLElement;
  notice: HTMLElement;
  composer: Composer;
  footer: HTMLButtonElement[];
}

export interface ShellActions {
  close(): void;
  send(text: string): void;
  human(): void;
  rate(): void;
}

/** Only http(s) and data:image URLs, so a stored setting cannot become a script URL. */
function imageUrl(url?: string): string | null {
  if (!url) return null;
  if (/^data:image\//i.test(url)) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

function avatar(config: FrameConfig): HTMLElement {
  const { branding, assistantName } = config.tenant;
  const initial = h(
    'span',
    { class: 'avatar', 'aria-hidden': 'true' },
    (assistantName || '?').charAt(0),
  );
  const src = imageUrl(branding.avatarUrl || branding.logoUrl);
  if (!src) return initial;
  const img = h('img', { class: 'avatar', src, alt: '' });
  img.addEventListener('error', () => img.replaceWith(initial));
  return img;
}

function header(config: FrameConfig, t: Dict, close: () => void): HTMLElement {
  const { name, assistantName } = config.tenant;
  return h(
    'header',
    { class: 'head' },
    avatar(config),
    h(
      'div',
      { class: 'who' },
      h('h1', null, assistantName || name),
      name && name !== assistantName ? h('p', null, name) : null,
    ),
    h(
      'button',
      { type: 'button', class: 'icon', 'aria-label': t.close, onclick: close },
      icon(ICON.close),
    ),
  );
}

function chips(questions: string[], t: Dict, send: (text: string) => void): HTMLElement {
  return h(
    'div',
    { class: 'chips', role: 'group', 'aria-label': t.suggestions, hidden: !questions.length },
    ...questions.map((question) =>
      h('button', { type: 'button', class: 'chip', onclick: () => send(question) }, question),
    ),
  );
}

export function createShell(config: FrameConfig, t: Dict, actions: ShellActions): Shell {
  const scroll = h('div', { class: 'scroll' });
  const log = createLog(t.conversation, scroll);
  const greeting = h('div', { class: 'msg greeting' }, h('div', { class: 'bubble' }));
  greeting.firstChild!.appendChild(renderMarkdown(config.tenant.branding.greeting || t.greeting));
  const shell: Shell = {
    root: h('div', { class: 'app' }),
    log,
    chips: chips(config.tenant.branding.suggestedQuestions, t, actions.send),
    card: h('div', { class: 'slot' }),
    notice: h('div', { class: 'slot' }),
    composer: createComposer(t, actions.send),
    footer: [
      h(
        'button',
        { type: 'button', class: 'link', 'data-action': 'human', onclick: actions.human },
        t.human,
      ),
      h(
        'button',
        { type: 'button', class: 'link', 'data-action': 'rate', onclick: actions.rate },
        t.rate,
      ),
    ],
  };
  scroll.append(greeting, log.element, shell.chips, shell.card, shell.notice);
  shell.root.append(
    header(config, t, actions.close),
    scroll,
    shell.composer.element,
    h('div', { class: 'foot' }, ...shell.footer),
  );
  return shell;
}
