// The frame's static layout: header, scrolling conversation, composer, footer actions.
//
//   header      avatar and name of who answers (the assistant, or the person), close button
//   .scroll     greeting, message log, suggested questions, one card (human form or
//               rating), one notice (errors)
//   composer
//   footer      "Talk to a human" (data-action="human"), "Rate this conversation", "End chat"

import { h, icon, ICON } from '../dom';
import type { FrameConfig } from '../config';
import type { Dict } from '../i18n';
import { renderMarkdown } from '../markdown';
import { createComposer } from './composer';
import type { Composer } from './composer';
import { createLog } from './log';
import { personAvatar } from './message';
import type { Log } from './log';

export interface Shell {
  root: HTMLElement;
  log: Log;
  chips: HTMLElement;
  card: HTMLElement;
  notice: HTMLElement;
  composer: Composer;
  footer: HTMLButtonElement[];
  header: Header;
  /** Replaces the greeting (the one the API picked for a signed-in customer's type). */
  setGreeting(text: string): void;
}

export interface ShellActions {
  close(): void;
  send(text: string): void;
  human(): void;
  rate(): void;
  end(): void;
}

/** Who the header names: the assistant while the bot answers, else the person (or the wait). */
export interface HeaderWho {
  name: string;
  subtitle: string | null;
  avatarUrl: string | null;
}

export interface Header {
  element: HTMLElement;
  /** Null: the assistant (the default). */
  show(who: HeaderWho | null): void;
}

function createHeader(config: FrameConfig, t: Dict, close: () => void): Header {
  const { name, assistantName, branding } = config.tenant;
  const assistant: HeaderWho = {
    name: assistantName || name,
    subtitle: name && name !== assistantName ? name : null,
    avatarUrl: branding.avatarUrl || branding.logoUrl || null,
  };
  const who = h('div', { class: 'who' });
  const picture = h('span', { class: 'head-avatar' });
  const show = (shown: HeaderWho | null): void => {
    const current = shown || assistant;
    picture.replaceChildren(personAvatar(current.name, current.avatarUrl));
    who.replaceChildren(h('h1', null, current.name));
    if (current.subtitle) who.append(h('p', null, current.subtitle));
    who.setAttribute('data-who', shown ? 'person' : 'assistant');
  };
  show(null);
  const element = h(
    'header',
    { class: 'head' },
    picture,
    who,
    h(
      'button',
      { type: 'button', class: 'icon', 'aria-label': t.close, onclick: close },
      icon(ICON.close),
    ),
  );
  return { element, show };
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
  const bubble = h('div', { class: 'bubble' });
  const greeting = h('div', { class: 'msg greeting' }, bubble);
  const setGreeting = (text: string) => bubble.replaceChildren(renderMarkdown(text));
  setGreeting(config.tenant.branding.greeting || t.greeting);
  const shell: Shell = {
    root: h('div', { class: 'app' }),
    log,
    chips: chips(config.tenant.branding.suggestedQuestions, t, actions.send),
    card: h('div', { class: 'slot' }),
    notice: h('div', { class: 'slot' }),
    composer: createComposer(t, actions.send),
    // Disabled, like the composer, until a conversation exists: before that (the frame waits up
    // to 1.5 s for the host page's sign-in) a click would have nothing to act on.
    footer: [
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'data-action': 'human',
          onclick: actions.human,
          disabled: true,
        },
        t.human,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'data-action': 'rate',
          onclick: actions.rate,
          disabled: true,
        },
        t.rate,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'data-action': 'end',
          onclick: actions.end,
          disabled: true,
        },
        t.endChat,
      ),
    ],
    header: createHeader(config, t, actions.close),
    setGreeting,
  };
  scroll.append(greeting, log.element, shell.chips, shell.card, shell.notice);
  shell.root.append(
    shell.header.element,
    scroll,
    shell.composer.element,
    h('div', { class: 'foot' }, ...shell.footer),
  );
  return shell;
}
